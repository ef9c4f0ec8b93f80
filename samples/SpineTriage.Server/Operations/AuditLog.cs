using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Server.Operations;

/// <summary>
/// The instance's audit logs: one record per triage in a tamper-evident chain (the library's <see cref="AuditChain"/>),
/// and one chained record per CDS Hooks feedback item in a second log. A decision is answered only once its record is
/// durable in the configured store (<see cref="AuditSettings.Store"/>: the JSON Lines files, fsynced per batch, or
/// PostgreSQL, committed per batch); a store that fails or stalls makes <see cref="RecordAsync"/> throw
/// <see cref="AuditUnavailableException"/> (answered 503) and <see cref="IsWritable"/> false until it works again.
/// Without opt-in (<see cref="AuditSettings.IncludeReportId"/>, <see cref="AuditSettings.IncludeReport"/>) no patient
/// data is written, and without a key (<see cref="AuditSettings.KeyFile"/>) no digest of the report either.
/// </summary>
public sealed partial class AuditLog : IDisposable
{
    /// <summary>The most records waiting for a writer; a request that finds the queue full is answered 503 at once (bounded memory).</summary>
    public const int QueueCapacity = AuditJournal.QueueCapacity;

    /// <summary>The longest override reason code kept (a longer or unpublished one is recorded as <see cref="OtherReason"/>).</summary>
    public const int MaxReasonCodeLength = 64;

    /// <summary>What an override reason outside the published CodeSystem is recorded as.</summary>
    public const string OtherReason = "other";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AuditJournal _triages;
    private readonly AuditJournal _feedback;
    private readonly AuditKey? _key;
    private readonly byte[]? _keyBytes;
    private readonly AuditRecordOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Opens the configured store (creating files or running the PostgreSQL migration); each chain continues from its last record.</summary>
    public AuditLog(IOptions<AuditSettings> settings, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, AuditFileSystem fileSystem, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(fileSystem);
        var value = settings.Value;
        _clock = clock;
        if (value.WriteTimeoutMilliseconds < 1)
        {
            throw new InvalidOperationException("Audit:WriteTimeoutMilliseconds must be 1 or more.");
        }

        _keyBytes = string.IsNullOrEmpty(value.KeyFile) ? null : ReadKey(Resolve(environment, value.KeyFile));
        _key = _keyBytes is null ? null : AuditKey.FromBytes(_keyBytes);
        _options = new AuditRecordOptions
        {
            IncludeReport = value.IncludeReport,
            IncludeReportId = value.IncludeReportId,
            ReportHashKey = _key,
            IncludeReportHash = _key is not null,
        };
        var timeout = TimeSpan.FromMilliseconds(value.WriteTimeoutMilliseconds);
        IAuditSink triages, feedback;
        if (string.Equals(value.Store, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration.GetConnectionString("Audit");
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Audit:Store is postgres but ConnectionStrings:Audit is not set.");
            }

            var instance = string.IsNullOrWhiteSpace(value.InstanceId) ? Environment.MachineName : value.InstanceId;
            var store = PostgresAuditStore.Open(connection, instance, logger);
            Postgres = store;
            TriagePath = store.Describe(PostgresAuditStore.TriageLog);
            triages = store.Sink(PostgresAuditStore.TriageLog);
            feedback = store.Sink(PostgresAuditStore.FeedbackLog);
        }
        else if (string.Equals(value.Store, "file", StringComparison.OrdinalIgnoreCase))
        {
            TriagePath = Resolve(environment, value.Path);
            FeedbackPath = Resolve(environment, value.FeedbackPath);
            triages = AuditFileStore.Open(fileSystem, TriagePath, TriageHeadOf, genesis: null, clock, logger);
            feedback = AuditFileStore.Open(fileSystem, FeedbackPath, FeedbackHeadOf, genesis: AuditChain.Genesis, clock, logger);
        }
        else
        {
            throw new InvalidOperationException("Audit:Store must be file (the default) or postgres.");
        }

        _triages = new AuditJournal("triage", triages, timeout, clock, logger);
        _feedback = new AuditJournal("feedback", feedback, timeout, clock, logger);
    }

    /// <summary>Gets the full path of the triage log (file store), or a description of the table (PostgreSQL).</summary>
    public string TriagePath { get; }

    /// <summary>Gets the full path of the feedback log (file store), or <see langword="null"/>.</summary>
    public string? FeedbackPath { get; }

    /// <summary>Gets the hash of the last triage record made durable (keep it elsewhere to detect records cut from the end).</summary>
    public string Head => _triages.Head;

    /// <summary>Gets the hash of the last feedback record made durable.</summary>
    public string FeedbackHead => _feedback.Head;

    /// <summary>Checks that both logs take records (readiness): no store fault since the last good write, no write stalled beyond the bounded wait.</summary>
    public bool IsWritable => _triages.IsHealthy && _feedback.IsHealthy;

    /// <summary>Gets the PostgreSQL store when <c>Audit:Store</c> is <c>postgres</c> (the jti replay memory lives there too).</summary>
    internal PostgresAuditStore? Postgres { get; }

    /// <summary>
    /// Records one triage and returns once the record is durable: the record is made here, on the request's thread; the
    /// one writer links it into the chain with every other record waiting and makes the batch durable (group commit).
    /// </summary>
    /// <exception cref="AuditUnavailableException">The store failed, stalled beyond the bounded wait, or is not keeping up: answer 503.</exception>
    public Task RecordAsync(TriageEngine engine, ValidatedReport report, TriageResult result)
    {
        // Everything but the chain's two fields is serialized here, on the request's thread: the record's canonical form
        // (what AuditChain hashes) is its version-2 line ending in previousHash, and its line adds recordHash after it, so
        // the one writer only hashes and concatenates (replay's chain check verifies exactly this form).
        var record = AuditRecord.Create(engine, report, result, _options) with { RecordVersion = AuditRecord.ChainedRecordVersion };
        var json = record.ToJsonLine();
        var open = string.Concat(json.AsSpan(0, json.Length - 1), ",\"previousHash\":\"");
        return _triages.AppendAsync(head => Link(open, head, _keyBytes));
    }

    /// <summary>
    /// Records CDS Hooks feedback items, chained like triage records, and returns once they are durable: the service, the
    /// card, the outcome and the override reason code (only a code of the published CodeSystem; any other is
    /// <see cref="OtherReason"/>). The free-text <c>userComment</c> is never written (it may hold patient data); only whether there was one.
    /// </summary>
    /// <param name="service">The CDS service id.</param>
    /// <param name="items">The feedback items.</param>
    /// <param name="published">The override reasons the service's cards offer.</param>
    /// <exception cref="AuditUnavailableException">The store failed or stalled: answer 503.</exception>
    public Task RecordFeedbackAsync(string service, IReadOnlyList<CdsFeedbackItem> items, IReadOnlyList<CdsCoding> published)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(published);
        var time = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return Task.WhenAll(items.Select(item =>
        {
            var coded = Coded(item, published);
            return _feedback.AppendAsync(head => FeedbackLine(time, service, coded, head));
        }));
    }

    /// <summary>Waits until every record handed over so far is durable or given up (tests; records are durable before each answer anyway).</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <returns>Whether none is left waiting.</returns>
    public bool WaitForWrites(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_triages.Pending + _feedback.Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>Reads the audit key file by the one rule the console's <c>replay</c> uses too (<see cref="AuditKey.KeyBytesOf"/>).</summary>
    /// <param name="path">The key file's full path.</param>
    /// <returns>The key's bytes.</returns>
    internal static byte[] ReadKey(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > 64 * 1024)
        {
            throw new InvalidOperationException($"Audit:KeyFile {path} {(info.Exists ? "is too large for an audit key (at most 64 KiB)" : "does not exist")}.");
        }

        var key = AuditKey.KeyBytesOf(File.ReadAllBytes(path));
        if (key.Length < AuditKey.MinimumLength)
        {
            throw new InvalidOperationException($"Audit:KeyFile {path} holds a key of {key.Length} bytes (surrounding whitespace not counted); an audit key needs at least {AuditKey.MinimumLength}.");
        }

        return key.ToArray();
    }

    /// <summary>Waits for the writers and closes the stores (graceful shutdown).</summary>
    public void Dispose()
    {
        _triages.Dispose();
        _feedback.Dispose();
        Postgres?.Dispose();
    }

    internal static CdsFeedbackItem Coded(CdsFeedbackItem item, IReadOnlyList<CdsCoding> published)
    {
        if (item.ReasonCode is null)
        {
            return item;
        }

        var known = published.FirstOrDefault(c => string.Equals(c.Code, item.ReasonCode, StringComparison.Ordinal)
            && (item.ReasonSystem is null || string.Equals(c.System, item.ReasonSystem, StringComparison.Ordinal)));
        return known is not null
            ? item with { ReasonSystem = known.System }
            : item with { ReasonCode = OtherReason, ReasonSystem = null };
    }

    private ChainedLine FeedbackLine(string time, string service, CdsFeedbackItem item, string head)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("recordVersion", AuditRecord.ChainedRecordVersion);
            json.WriteString("time", time);
            json.WriteString("service", Bounded(service));
            json.WriteString("card", Bounded(item.Card));
            json.WriteString("outcome", Bounded(item.Outcome));
            json.WriteString("outcomeTimestamp", Bounded(item.OutcomeTimestamp));
            if (item.ReasonCode is not null)
            {
                json.WriteString("overrideReasonCode", item.ReasonCode);
                if (item.ReasonSystem is not null)
                {
                    json.WriteString("overrideReasonSystem", item.ReasonSystem);
                }
            }

            json.WriteBoolean("hadUserComment", item.HadUserComment);
            json.WriteString("previousHash", head);
            json.WriteEndObject();
        }

        var canonical = buffer.WrittenSpan;
        var hash = Hash(canonical, _keyBytes);
        var line = Encoding.UTF8.GetString(canonical[..^1]) + ",\"recordHash\":\"" + hash + "\"}";
        return new ChainedLine(line, hash, head);
    }

    // The chained line of a record whose JSON, up to its previousHash value, is open: its canonical form (open, head, "})
    // is hashed in UTF-8 from a pooled buffer, and only the line itself is a new string.
    private static ChainedLine Link(string open, string head, byte[]? key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(open.Length + head.Length + 2);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(open, buffer);
            written += Encoding.UTF8.GetBytes(head, buffer.AsSpan(written));
            buffer[written++] = (byte)'"';
            buffer[written++] = (byte)'}';
            var hash = Hash(buffer.AsSpan(0, written), key);
            return new ChainedLine(string.Concat([open, head, "\",\"recordHash\":\"", hash, "\"}"]), hash, head);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The endpoint checks these fields; the bound keeps a record one short line whatever reaches here.
    private static string Bounded(string value) => value.Length <= MaxReasonCodeLength ? value : value[..MaxReasonCodeLength];

    private static string Hash(ReadOnlySpan<byte> canonical, byte[]? key)
    {
        Span<byte> hash = stackalloc byte[32];
        if (key is null)
        {
            SHA256.HashData(canonical, hash);
            return "sha256:" + Convert.ToHexStringLower(hash);
        }

        HMACSHA256.HashData(key, canonical, hash);
        return "hmac-sha256:" + Convert.ToHexStringLower(hash);
    }

    private static string? TriageHeadOf(string line)
    {
        var record = AuditRecord.ParseJsonLine(line);
        return record.IsSuccess ? record.Value!.RecordHash : null;
    }

    // An old, unchained feedback line is continued from the genesis hash: the chain starts after it.
    private static string? FeedbackHeadOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("recordHash", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Resolve(IHostEnvironment environment, string path) =>
        System.IO.Path.GetFullPath(path, environment.ContentRootPath);
}

/// <summary>One CDS Hooks feedback item as recorded (no free text).</summary>
public sealed record CdsFeedbackItem(string Card, string Outcome, string OutcomeTimestamp, string? ReasonCode, string? ReasonSystem, bool HadUserComment);
