using System.Collections.Concurrent;
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
public sealed partial class AuditLog : IDisposable
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    /// <summary>The most records waiting for the writer; a request that finds the queue full waits (bounded memory).</summary>
    public const int QueueCapacity = 4096;

    private readonly AuditChain _chain;
    private readonly StreamWriter _triages;
    private readonly BlockingCollection<AuditRecord> _queue = new(QueueCapacity);
    private readonly Thread _writer;
    private readonly object _progress = new();
    private readonly ILogger<AuditLog> _logger;
    private long _queued;
    private long _written;
    private volatile bool _failed;
    private readonly StreamWriter _feedback;
    private readonly object _feedbackGate = new();
    private readonly AuditRecordOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Opens (or creates) both files to append; the chain continues from the last record of the triage log.</summary>
    public AuditLog(IOptions<AuditSettings> settings, IHostEnvironment environment, TimeProvider clock, ILogger<AuditLog> logger)
    {
        _logger = logger;
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var value = settings.Value;
        _clock = clock;
        _options = new AuditRecordOptions { IncludeReport = value.IncludeReport, IncludeReportId = value.IncludeReportId };
        var key = string.IsNullOrEmpty(value.KeyFile) ? null : AuditKey.FromBytes(File.ReadAllBytes(Resolve(environment, value.KeyFile)));
        var triagePath = Resolve(environment, value.Path);
        TriagePath = triagePath;
        _chain = new AuditChain(LastHash(triagePath) ?? AuditChain.Genesis, key);
        _triages = Open(triagePath, autoFlush: false);
        _feedback = Open(Resolve(environment, value.FeedbackPath), autoFlush: true);
        _writer = new Thread(WriteRecords) { IsBackground = true, Name = "SpineTriage audit writer" };
        _writer.Start();
    }

    /// <summary>Gets the full path of the triage log.</summary>
    public string TriagePath { get; }

    /// <summary>Gets the hash of the last record written (keep it elsewhere to detect records cut from the end).</summary>
    public string Head => _chain.Head;

    /// <summary>
    /// Records one triage: the record is made here, on the request's thread, and handed to the one writer thread, which
    /// links it to the chain and appends it in order, flushing whenever no record is waiting (group commit). A request
    /// that finds <see cref="QueueCapacity"/> records waiting waits for room.
    /// </summary>
    public void Record(TriageEngine engine, ValidatedReport report, TriageResult result)
    {
        var record = AuditRecord.Create(engine, report, result, _options);
        Interlocked.Increment(ref _queued);
        _queue.Add(record);
    }

    /// <summary>
    /// Waits until every record handed to <see cref="Record"/> so far is written and flushed (tests, and before reading
    /// the file in the same process).
    /// </summary>
    /// <param name="timeout">The longest wait.</param>
    /// <returns>Whether they were all written in time.</returns>
    public bool WaitForWrites(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _queued);
        var deadline = DateTime.UtcNow + timeout;
        lock (_progress)
        {
            while (Interlocked.Read(ref _written) < target)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_progress, left))
                {
                    return Interlocked.Read(ref _written) >= target;
                }
            }
        }

        return true;
    }

    private void WriteRecords()
    {
        foreach (var record in _queue.GetConsumingEnumerable())
        {
            var count = 1L;
            Append(record);
            while (_queue.TryTake(out var next))
            {
                Append(next);
                count++;
            }

            try
            {
                _triages.Flush();
            }
            catch (IOException exception)
            {
                Fail(exception);
            }

            lock (_progress)
            {
                Interlocked.Add(ref _written, count);
                Monitor.PulseAll(_progress);
            }
        }
    }

    private void Append(AuditRecord record)
    {
        try
        {
            _chain.AppendTo(_triages, record);
        }
        catch (IOException exception)
        {
            Fail(exception);
        }
    }

    // A record that cannot be written is never dropped silently: the instance reports itself not ready and logs the kind
    // of fault (never the record).
    private void Fail(IOException exception)
    {
        _failed = true;
        LogWriteFailed(_logger, exception.GetType().Name);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "The audit log could not be written ({ExceptionType}); the instance reports itself not ready.")]
    private static partial void LogWriteFailed(ILogger logger, string exceptionType);

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
    public bool IsWritable => !_failed && _triages.BaseStream.CanWrite && _feedback.BaseStream.CanWrite;

    /// <summary>Flushes and closes both files (graceful shutdown).</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join(); // every waiting record is written and flushed before the file is closed
        _queue.Dispose();
        _triages.Dispose();
        lock (_feedbackGate)
        {
            _feedback.Dispose();
        }
    }

    private static string Resolve(IHostEnvironment environment, string path) =>
        System.IO.Path.GetFullPath(path, environment.ContentRootPath);

    private static StreamWriter Open(string path, bool autoFlush)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = autoFlush };
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
