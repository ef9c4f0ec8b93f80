using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Server.Operations;

/// <summary>
/// The instance's audit logs: one record per triage in a tamper-evident chain (the library's <see cref="AuditChain"/>,
/// JSON Lines, continued after a restart), and one line per CDS Hooks feedback item in a second file. Without opt-in
/// (<see cref="AuditSettings.IncludeReportId"/>, <see cref="AuditSettings.IncludeReport"/>) no patient data is written.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly AuditChain _chain;
    private readonly StreamWriter _triages;
    private readonly StreamWriter _feedback;
    private readonly object _feedbackGate = new();
    private readonly AuditRecordOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Opens (or creates) both files to append; the chain continues from the last record of the triage log.</summary>
    public AuditLog(IOptions<AuditSettings> settings, IHostEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var value = settings.Value;
        _clock = clock;
        _options = new AuditRecordOptions { IncludeReport = value.IncludeReport, IncludeReportId = value.IncludeReportId };
        var key = string.IsNullOrEmpty(value.KeyFile) ? null : AuditKey.FromBytes(File.ReadAllBytes(Resolve(environment, value.KeyFile)));
        var triagePath = Resolve(environment, value.Path);
        TriagePath = triagePath;
        _chain = new AuditChain(LastHash(triagePath) ?? AuditChain.Genesis, key);
        _triages = Open(triagePath);
        _feedback = Open(Resolve(environment, value.FeedbackPath));
    }

    /// <summary>Gets the full path of the triage log.</summary>
    public string TriagePath { get; }

    /// <summary>Gets the hash of the last record written (keep it elsewhere to detect records cut from the end).</summary>
    public string Head => _chain.Head;

    /// <summary>Records one triage.</summary>
    public void Record(TriageEngine engine, ValidatedReport report, TriageResult result) =>
        _chain.AppendTo(_triages, AuditRecord.Create(engine, report, result, _options));

    /// <summary>
    /// Records one CDS Hooks feedback item: the service, the card, the outcome and the coded override reason. The
    /// free-text <c>userComment</c> is never written (it may hold patient data); only whether there was one.
    /// </summary>
    public void RecordFeedback(string service, CdsFeedbackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("time", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("service", service);
            json.WriteString("card", item.Card);
            json.WriteString("outcome", item.Outcome);
            json.WriteString("outcomeTimestamp", item.OutcomeTimestamp);
            if (item.ReasonCode is not null)
            {
                json.WriteString("overrideReasonCode", item.ReasonCode);
                json.WriteString("overrideReasonSystem", item.ReasonSystem);
            }

            json.WriteBoolean("hadUserComment", item.HadUserComment);
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_feedbackGate)
        {
            _feedback.WriteLine(line);
        }
    }

    /// <summary>Checks that the logs can be written (readiness).</summary>
    public bool IsWritable => _triages.BaseStream.CanWrite && _feedback.BaseStream.CanWrite;

    /// <summary>Flushes and closes both files (graceful shutdown).</summary>
    public void Dispose()
    {
        _triages.Dispose();
        lock (_feedbackGate)
        {
            _feedback.Dispose();
        }
    }

    private static string Resolve(IHostEnvironment environment, string path) =>
        System.IO.Path.GetFullPath(path, environment.ContentRootPath);

    private static StreamWriter Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
    }

    private static string? LastHash(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var last = File.ReadLines(path).LastOrDefault(l => l.Length > 0);
        if (last is null)
        {
            return null;
        }

        var record = AuditRecord.ParseJsonLine(last);
        return record.IsSuccess && record.Value!.RecordHash is { } hash
            ? hash
            : throw new InvalidOperationException($"The last line of the audit log {path} is not a chained audit record; move the file aside or repair it before starting.");
    }
}

/// <summary>One CDS Hooks feedback item as recorded (no free text).</summary>
public sealed record CdsFeedbackItem(string Card, string Outcome, string OutcomeTimestamp, string? ReasonCode, string? ReasonSystem, bool HadUserComment);
