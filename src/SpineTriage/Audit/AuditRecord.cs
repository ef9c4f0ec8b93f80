using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
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
/// rules. <see cref="Create"/> makes one; <see cref="ToJsonLine"/> and <see cref="ParseJsonLine"/> write
/// and read it; <see cref="AuditReplay"/> replays it under today's rules.
/// </summary>
/// <remarks>
/// Immutable. A record holds no patient data unless the integrator opts in with
/// <see cref="AuditRecordOptions"/>: by default neither the report nor its report id is kept.
/// </remarks>
public sealed record AuditRecord
{
    /// <summary>The version of the record's JSON shape written by this library.</summary>
    public const int CurrentRecordVersion = 1;

    private static readonly AuditJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    private static readonly JsonDocumentOptions LineOptions = new() { MaxDepth = StrictJson.MaxDepth };

    /// <summary>Gets the version of the record's JSON shape (<see cref="CurrentRecordVersion"/>).</summary>
    public int RecordVersion { get; init; } = CurrentRecordVersion;

    /// <summary>Gets when the triage was recorded, from the engine's <see cref="TriageEngine.TimeProvider"/> (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the informational version of the SpineTriage library that made the decision.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>Gets the version and content hash of the rule set that made the decision.</summary>
    public required RuleSetIdentity RuleSet { get; init; }

    /// <summary>Gets the assessment date the decision was made for (the report's, or the engine's today).</summary>
    public required DateOnly AssessedOn { get; init; }

    /// <summary>Gets the SHA-256 hash of the report's canonical JSON (<see cref="TriageJson.SerializeReport"/>), as <c>sha256:</c> and 64 hex digits.</summary>
    public required string ReportHash { get; init; }

    /// <summary>Gets the urgency of the decision.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Gets the ids of the rules that fired, in the order of the result's findings.</summary>
    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>Gets the report id, only when the integrator opted in; it may identify a patient.</summary>
    public string? ReportId { get; init; }

    /// <summary>Gets the report's canonical JSON, only when the integrator opted in; it is patient data.</summary>
    public string? ReportJson { get; init; }

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
    public static AuditRecord Create(TriageEngine engine, ValidatedReport report, TriageResult result, AuditRecordOptions? options = null)
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

        var canonical = TriageJson.SerializeReport(report.Report);
        return new AuditRecord
        {
            Time = engine.TimeProvider.GetUtcNow(),
            EngineVersion = CurrentEngineVersion,
            RuleSet = engine.RuleSet.Identity,
            AssessedOn = report.AssessedOn,
            ReportHash = Hash(canonical),
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
    /// <returns>The JSON line; the report, when included, is embedded as a JSON object.</returns>
    public string ToJsonLine()
    {
        JsonDocument? report = ReportJson is null ? null : JsonDocument.Parse(ReportJson);
        try
        {
            var document = new AuditRecordDocument
            {
                RecordVersion = RecordVersion,
                Time = Time,
                EngineVersion = EngineVersion,
                RuleSet = new AuditRuleSetDocument { Version = RuleSet.Version, Hash = RuleSet.Hash },
                AssessedOn = AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReportHash = ReportHash,
                Urgency = Urgency.JsonName(),
                UrgencyCode = Urgency.Code(),
                RuleIds = [.. RuleIds],
                ReportId = ReportId,
                Report = report?.RootElement,
            };
            return JsonSerializer.Serialize(document, Context.AuditRecordDocument);
        }
        finally
        {
            report?.Dispose();
        }
    }

    /// <summary>
    /// Reads one line written by <see cref="ToJsonLine"/>, strictly: unknown or duplicate properties,
    /// missing fields, malformed hashes, dates or urgencies are errors. The embedded report is checked
    /// against its hash when it is replayed (<see cref="AuditReplay.Replay"/>).
    /// </summary>
    /// <param name="line">The JSON line.</param>
    /// <returns>The record, or every error found. Never throws for bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is <see langword="null"/>.</exception>
    public static Outcome<AuditRecord> ParseJsonLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        AuditRecordDocument? document;
        var errors = new List<ValidationError>();
        try
        {
            using var json = JsonDocument.Parse(line, LineOptions);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failed(new ValidationError("$", ErrorCodes.WrongType, "an audit record must be a JSON object."));
            }

            FindDuplicates(json.RootElement, "$", errors);
            document = json.RootElement.Deserialize(Context.AuditRecordDocument);
        }
        catch (JsonException e)
        {
            return Failed(new ValidationError(e.Path ?? "$", ErrorCodes.MalformedJson, "not an audit record: " + e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return Failed(new ValidationError("$", ErrorCodes.NotText, "not an audit record: the line is not valid text."));
        }

        if (document is null)
        {
            return Failed(new ValidationError("$", ErrorCodes.WrongType, "an audit record must be a JSON object."));
        }

        return Read(document, errors);
    }

    /// <inheritdoc />
    public bool Equals(AuditRecord? other) =>
        other is not null
        && RecordVersion == other.RecordVersion
        && Time == other.Time
        && EngineVersion == other.EngineVersion
        && RuleSet == other.RuleSet
        && AssessedOn == other.AssessedOn
        && ReportHash == other.ReportHash
        && Urgency == other.Urgency
        && RuleIds.SequenceEqual(other.RuleIds)
        && ReportId == other.ReportId
        && ReportJson == other.ReportJson;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, ReportHash, Urgency, RuleIds.Count);

    internal static bool IsSha256(string? value) => Sha256Hash.IsWellFormed(value);

    private static string Hash(string canonicalJson) => Sha256Hash.Of(canonicalJson);

    private static Outcome<AuditRecord> Failed(ValidationError error) => new(null, [error]);

    private static Outcome<AuditRecord> Read(AuditRecordDocument document, List<ValidationError> errors)
    {
        if (document.RecordVersion != CurrentRecordVersion)
        {
            errors.Add(new("$.recordVersion", ErrorCodes.UnsupportedVersion, $"recordVersion must be {CurrentRecordVersion}; got {document.RecordVersion?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}."));
        }

        if (document.Time is null)
        {
            errors.Add(new("$.time", ErrorCodes.Required, "time is required: an ISO 8601 date and time with offset."));
        }

        if (string.IsNullOrEmpty(document.EngineVersion))
        {
            errors.Add(new("$.engineVersion", ErrorCodes.Required, "engineVersion is required."));
        }

        if (document.RuleSet is null || string.IsNullOrEmpty(document.RuleSet.Version) || !IsSha256(document.RuleSet.Hash))
        {
            errors.Add(new("$.ruleSet", ErrorCodes.Required, "ruleSet is required: { \"version\": text, \"hash\": \"sha256:\" and 64 lowercase hex digits }."));
        }

        DateOnly assessedOn = default;
        if (!DateOnly.TryParseExact(document.AssessedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out assessedOn))
        {
            errors.Add(new("$.assessedOn", ErrorCodes.InvalidDate, "assessedOn is required: a date as \"yyyy-MM-dd\"."));
        }

        if (!IsSha256(document.ReportHash))
        {
            errors.Add(new("$.reportHash", ErrorCodes.InvalidFormat, "reportHash is required: \"sha256:\" and 64 lowercase hex digits."));
        }

        if (!JsonNames.TryParse<Urgency>(document.Urgency, out var urgency))
        {
            errors.Add(new("$.urgency", ErrorCodes.UnknownValue, $"urgency must be one of {JsonNames.Allowed<Urgency>()}."));
        }
        else if (document.UrgencyCode != urgency.Code())
        {
            errors.Add(new("$.urgencyCode", ErrorCodes.Mismatch, $"urgencyCode must be {urgency.Code()}, the code of {urgency.JsonName()}."));
        }

        if (document.RuleIds is not { Count: > 0 } ruleIds || ruleIds.Any(string.IsNullOrEmpty))
        {
            errors.Add(new("$.ruleIds", ErrorCodes.Required, "ruleIds is required: the non-empty ids of the rules that fired."));
        }

        if (document.Report is { ValueKind: not JsonValueKind.Object })
        {
            errors.Add(new("$.report", ErrorCodes.WrongType, "report, when present, must be a report object."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var record = new AuditRecord
        {
            RecordVersion = CurrentRecordVersion,
            Time = document.Time!.Value,
            EngineVersion = document.EngineVersion!,
            RuleSet = new RuleSetIdentity(document.RuleSet!.Version!, document.RuleSet.Hash!),
            AssessedOn = assessedOn,
            ReportHash = document.ReportHash!,
            Urgency = urgency,
            RuleIds = Array.AsReadOnly(document.RuleIds!.ToArray()),
            ReportId = document.ReportId,
            ReportJson = document.Report?.GetRawText(),
        };
        return new(record, errors);
    }

    private static void FindDuplicates(JsonElement element, string path, List<ValidationError> errors)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicates(item, $"{path}[{index++}]", errors);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var propertyPath = $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    errors.Add(new(propertyPath, ErrorCodes.DuplicateKey, "appears more than once; each property may appear once."));
                }

                FindDuplicates(property.Value, propertyPath, errors);
            }
        }
    }
}
