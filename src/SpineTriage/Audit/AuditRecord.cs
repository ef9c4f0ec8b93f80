using System.Globalization;
using System.Reflection;
using System.Text.Json;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Results.Internal;
using SpineTriage.Serialization;
using SpineTriage.Serialization.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Audit;

/// <summary>
/// What an auditor needs to know about one triage decision, as one line of JSON Lines: when, by which
/// engine and rule set, on which report (a SHA-256 hash of its canonical JSON), with which urgency and
/// rules. <see cref="Create"/> makes one, <see cref="AuditChain.Append"/> links it into a tamper-evident chain; <see cref="ToJsonLine"/> and <see cref="ParseJsonLine(string)"/> write
/// and read it; <see cref="AuditReplay"/> replays it under today's rules.
/// </summary>
/// <remarks>
/// Immutable. A record holds no patient data unless the integrator opts in with
/// <see cref="AuditRecordOptions"/>: by default neither the report nor its report id is kept.
/// </remarks>
public sealed record AuditRecord
{
    /// <summary>The newest version of the record's JSON shape this library writes and reads: <see cref="ChainedRecordVersion"/>.</summary>
    public const int CurrentRecordVersion = ChainedRecordVersion;

    /// <summary>The version of a record that is not chained, as <see cref="Create"/> makes it: no record hash.</summary>
    public const int UnchainedRecordVersion = 1;

    /// <summary>The version of a record linked into a tamper-evident chain by <see cref="AuditChain"/>: with <see cref="PreviousHash"/> and <see cref="RecordHash"/>.</summary>
    public const int ChainedRecordVersion = 2;

    /// <summary>The longest JSON line read as an audit record, in UTF-8 bytes (1 MiB); a longer line is a <c>tooLarge</c> error.</summary>
    public const int MaxJsonLineBytes = 1 << 20;

    private readonly IReadOnlyList<string> _ruleIds = ValueList<string>.Empty;

    /// <summary>Gets the version of the record's JSON shape: <see cref="UnchainedRecordVersion"/> (1) as made by <see cref="Create"/>, <see cref="ChainedRecordVersion"/> (2) once appended to an <see cref="AuditChain"/>.</summary>
    public int RecordVersion { get; init; } = UnchainedRecordVersion;

    /// <summary>Gets when the triage was recorded, from the engine's <see cref="ITriageEngine.TimeProvider"/> (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the informational version of the SpineTriage library that made the decision.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>Gets the version and content hash of the rule set that made the decision.</summary>
    public required RuleSetIdentity RuleSet { get; init; }

    /// <summary>
    /// Gets the language and text-set hash of the texts the result was worded with (<see cref="TriageResult.TextSet"/>);
    /// covered by <see cref="RecordHash"/>. <see langword="null"/> for a record written before text sets existed: it
    /// stays valid, with its text set unknown.
    /// </summary>
    public TextSetIdentity? TextSet { get; init; }

    /// <summary>Gets the assessment date the decision was made for (the report's, or the engine's today).</summary>
    public required DateOnly AssessedOn { get; init; }

    /// <summary>
    /// Gets the digest of the report's canonical JSON (<see cref="TriageJson.SerializeReport"/>): <c>sha256:</c> and 64
    /// hex digits, or <c>hmac-sha256:</c> and 64 hex digits when keyed (<see cref="AuditRecordOptions.ReportHashKey"/>);
    /// <see langword="null"/> when the record holds no digest (<see cref="AuditRecordOptions.IncludeReportHash"/> off).
    /// </summary>
    public string? ReportHash { get; init; }

    /// <summary>Gets the urgency of the decision.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Gets the ids of the rules that fired, in the order of the result's findings.</summary>
    public required IReadOnlyList<string> RuleIds { get => _ruleIds; init => _ruleIds = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the report id, only when the integrator opted in; it may identify a patient.</summary>
    public string? ReportId { get; init; }

    /// <summary>Gets the report's canonical JSON, only when the integrator opted in; it is patient data.</summary>
    public string? ReportJson { get; init; }

    /// <summary>
    /// Gets the <see cref="RecordHash"/> of the record before this one in its chain (<see cref="AuditChain.Genesis"/>
    /// for the first); <see langword="null"/> for an unchained (version-1) record.
    /// </summary>
    public string? PreviousHash { get; init; }

    /// <summary>
    /// Gets the hash of every other field of the record, <see cref="PreviousHash"/> included: <c>sha256:</c> and 64
    /// hex digits, or <c>hmac-sha256:</c> and 64 hex digits when the chain is keyed (<see cref="AuditKey"/>);
    /// <see langword="null"/> for an unchained (version-1) record. Set by <see cref="AuditChain.Append"/>.
    /// </summary>
    public string? RecordHash { get; init; }

    /// <summary>Gets the informational version of this SpineTriage library, for example <c>1.0.0+&lt;commit&gt;</c>.</summary>
    public static string CurrentEngineVersion { get; } =
        typeof(AuditRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AuditRecord).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Creates the record of one triage.</summary>
    /// <param name="engine">The engine that evaluated the report: its clock gives the time, its rule set the identity.</param>
    /// <param name="report">The validated report.</param>
    /// <param name="result">The result <paramref name="engine"/> gave for <paramref name="report"/>.</param>
    /// <param name="options">What to include beyond the decision; <see cref="AuditRecordOptions.Default"/> (no patient data) when <see langword="null"/>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/>, <paramref name="report"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> was not made by this engine's rule set, or is for another report id.</exception>
    public static AuditRecord Create(ITriageEngine engine, ValidatedReport report, TriageResult result, AuditRecordOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        options ??= AuditRecordOptions.Default;
        if (result.RuleSet != engine.RuleSet.Identity)
        {
            throw new ArgumentException("The result was made by another rule set than the engine's.", nameof(result));
        }

        if (!string.Equals(result.ReportId, report.Report.ReportId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The result is for another report id than the report.", nameof(result));
        }

        // The canonical report is serialized only when the record holds it or its digest (not for the default record).
        var canonical = options.IncludeReportHash || options.IncludeReport ? TriageJson.SerializeReport(report.Report) : null;
        return new AuditRecord
        {
            RecordVersion = UnchainedRecordVersion,
            Time = engine.TimeProvider.GetUtcNow(),
            EngineVersion = CurrentEngineVersion,
            RuleSet = engine.RuleSet.Identity,
            TextSet = result.TextSet,
            AssessedOn = report.AssessedOn,
            ReportHash = !options.IncludeReportHash ? null
                : options.ReportHashKey is { } key ? Sha256Hash.HmacOf(key.Bytes, System.Text.Encoding.UTF8.GetBytes(canonical!))
                : Hash(canonical!),
            Urgency = result.Urgency,
            RuleIds = Array.AsReadOnly(result.Findings.Select(f => f.RuleId).ToArray()),
            ReportId = options.IncludeReport || options.IncludeReportId ? report.Report.ReportId : null,
            ReportJson = options.IncludeReport ? canonical : null,
        };
    }

    /// <summary>Hashes a report's canonical JSON, as <see cref="ReportHash"/> does.</summary>
    /// <param name="report">The report.</param>
    /// <returns><c>sha256:</c> and 64 lowercase hex digits.</returns>
    public static string HashReport(SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Hash(TriageJson.SerializeReport(report));
    }

    /// <summary>Writes the record as one line of JSON (no line break): a line of a JSON Lines audit log.</summary>
    /// <returns>The JSON line; the report, when included, is embedded as a JSON object, without whitespace.</returns>
    /// <exception cref="JsonException"><see cref="ReportJson"/> is not JSON.</exception>
    public string ToJsonLine() => AuditRecordWriter.ToJsonLine(this);

    /// <summary>
    /// Reads one line written by <see cref="ToJsonLine"/>, strictly: unknown or duplicate properties,
    /// missing fields, wrong types, malformed hashes, dates or urgencies are errors with their paths and codes.
    /// No error repeats a stored value or the name of an unknown stored property (they may hold patient data).
    /// The embedded report is checked against its hash when it is replayed (<see cref="AuditReplay.Replay(Engine.ITriageEngine, AuditRecord)"/>).
    /// </summary>
    /// <param name="line">The JSON line.</param>
    /// <returns>The record, or every error found (a line longer than <see cref="MaxJsonLineBytes"/> is one <c>tooLarge</c> error). Never throws for bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is <see langword="null"/>.</exception>
    public static Outcome<AuditRecord> ParseJsonLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return AuditRecordReader.Read(line);
    }

    /// <summary>Reads one UTF-8 line written by <see cref="ToJsonLine"/>, strictly, as <see cref="ParseJsonLine(string)"/> does.</summary>
    /// <param name="utf8Line">The JSON line as UTF-8, without its line break; at most <see cref="MaxJsonLineBytes"/> bytes.</param>
    /// <returns>The record, or every error found. Never throws for bad input.</returns>
    public static Outcome<AuditRecord> ParseJsonLine(ReadOnlySpan<byte> utf8Line) => AuditRecordReader.Read(utf8Line);

    /// <summary>
    /// Describes the record without patient data: its version, decision and rule set, and whether it holds
    /// a report or a report id, never the id, the dates, the answers or the report hash.
    /// </summary>
    /// <returns>For example <c>AuditRecord v1: urgent [wound-signs], rule set 1.0.0, report included</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"AuditRecord v{RecordVersion}: {Urgency.JsonName()} [{string.Join(", ", RuleIds)}], rule set {RuleSet.Version}, {(ReportJson is not null ? "report included" : ReportId is not null ? "report id only" : "no report")}{(RecordHash is null ? "" : AuditRecordHash.IsKeyed(RecordHash) ? ", chained (hmac-sha256)" : ", chained (sha256)")}");

    /// <summary>Computes a report's keyed digest, as <see cref="ReportHash"/> holds it when <see cref="AuditRecordOptions.ReportHashKey"/> is set.</summary>
    /// <param name="report">The report.</param>
    /// <param name="key">The audit key.</param>
    /// <returns><c>hmac-sha256:</c> and 64 lowercase hex digits.</returns>
    public static string HashReport(SymptomReport report, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(key);
        return Sha256Hash.HmacOf(key.Bytes, System.Text.Encoding.UTF8.GetBytes(TriageJson.SerializeReport(report)));
    }

    private static string Hash(string canonicalJson) => Sha256Hash.Of(canonicalJson);
}
