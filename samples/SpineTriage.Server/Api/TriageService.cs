using System.Diagnostics;
using SpineTriage.Engine;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Server.Operations;
using SpineTriage.Texts;
using SpineTriage.Validation;

namespace SpineTriage.Server.Api;

/// <summary>
/// The service's one engine (rule set from <c>SpineTriage:RuleSet</c>) and interview, with the audit record, the
/// metrics and the logs of every triage. Every endpoint that triages goes through here.
/// </summary>
public sealed partial class TriageService
{
    private readonly AuditLog _audit;
    private readonly ServerMetrics _metrics;
    private readonly ILogger<TriageService> _logger;
    private readonly Dictionary<string, TriageInterview> _interviews; // one per text language, read only after construction

    /// <summary>Takes the engine registered by <c>AddSpineTriage</c> (its options were validated at start-up).</summary>
    public TriageService(TriageEngine engine, AuditLog audit, ServerMetrics metrics, ILogger<TriageService> logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        Interview = new TriageInterview(Engine);
        _interviews = TextLanguages.All.ToDictionary(language => language, language => new TriageInterview(Engine, language), StringComparer.Ordinal);
        _audit = audit;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Gets the engine.</summary>
    public TriageEngine Engine { get; }

    /// <summary>Gets the interview over the engine.</summary>
    public TriageInterview Interview { get; }

    /// <summary>
    /// Reads, validates and evaluates report JSON; records the audit record, metrics and a log line without patient data.
    /// JSON errors and input-rule errors come back together, exactly as <see cref="TriageEngine.TriageJson(ReadOnlySpan{byte})"/> lists them.
    /// A result comes back only once its audit record is durable.
    /// </summary>
    /// <exception cref="AuditUnavailableException">The audit store cannot record the decision: answer 503, never the result.</exception>
    public async Task<Outcome<TriageResult>> TriageJsonAsync(string endpoint, ReadOnlyMemory<byte> utf8Json)
    {
        var started = Stopwatch.GetTimestamp();
        var parsed = Serialization.TriageJson.ParseReport(utf8Json.Span, Engine.RuleSet);
        if (!parsed.TryGetValue(out var report))
        {
            // The engine reads the JSON again to list the JSON errors with the input-rule errors of the fields it could read.
            return Refused(endpoint, Engine.TriageJson(utf8Json.Span));
        }

        return await TriageAsync(endpoint, report, started);
    }

    /// <summary>Validates and evaluates a report read elsewhere (the FHIR adapter), with the same records; a result comes back only once it is recorded.</summary>
    /// <exception cref="AuditUnavailableException">The audit store cannot record the decision: answer 503, never the result.</exception>
    public Task<Outcome<TriageResult>> TriageAsync(string endpoint, SymptomReport report) => TriageAsync(endpoint, report, Stopwatch.GetTimestamp());

    /// <summary>Says what to ask next about a partial report (JSON, with an optional <c>earliestSurgeryDate</c>); a settled interview is audited as a triage, and comes back only once recorded.</summary>
    /// <exception cref="AuditUnavailableException">The audit store cannot record the decision: answer 503, never the result.</exception>
    public async Task<Outcome<InterviewStep>> NextAsync(string endpoint, ReadOnlyMemory<byte> utf8Json)
    {
        var started = Stopwatch.GetTimestamp();
        var (reportJson, earliest, periodError) = SurgeryPeriod.Split(utf8Json);
        if (periodError is not null)
        {
            LogRefused(endpoint, [periodError]);
            return Outcome.Failure<InterviewStep>([periodError]);
        }

        var parsed = Serialization.TriageJson.ParseReport(reportJson.Span, Engine.RuleSet);
        if (!parsed.TryGetValue(out var report))
        {
            return Outcome.Failure<InterviewStep>(Refused(endpoint, Engine.TriageJson(reportJson.Span)).Errors);
        }

        // The items are worded in the report's language (the patient page's Spanish), else the engine's; an optional
        // earliestSurgeryDate makes the surgery date a period (docs/interview.md).
        var interview = report.Language is { } language && _interviews.TryGetValue(language, out var worded) ? worded : Interview;
        var step = earliest is { } date ? interview.Next(report, date) : interview.Next(report);
        if (!step.TryGetValue(out var value))
        {
            LogRefused(endpoint, step.Errors);
            return step;
        }

        if (value.IsSettled)
        {
            var validated = Engine.Validate(report).Value!;
            await RecordAsync(endpoint, validated, value.Result);
            Done(endpoint, value.Result.Urgency, started);
        }

        return step;
    }

    /// <summary>Records input refused before it reached the engine (a FHIR resource that cannot be read): metrics and a log line with the codes only.</summary>
    public void Refused(string endpoint, IReadOnlyList<ValidationError> errors) => LogRefused(endpoint, errors);

    private async Task<Outcome<TriageResult>> TriageAsync(string endpoint, SymptomReport report, long started)
    {
        var validation = Engine.Validate(report);
        if (!validation.TryGetValue(out var validated))
        {
            LogRefused(endpoint, validation.Errors);
            return Outcome.Failure<TriageResult>(validation.Errors);
        }

        var result = Engine.Evaluate(validated);
        await RecordAsync(endpoint, validated, result);
        Done(endpoint, result.Urgency, started);
        return Outcome.Success(result);
    }

    private async Task RecordAsync(string endpoint, ValidatedReport validated, TriageResult result)
    {
        try
        {
            await _audit.RecordAsync(Engine, validated, result);
        }
        catch (AuditUnavailableException)
        {
            _metrics.Errors(endpoint, [AuditUnavailableException.Code]);
            LogUnrecorded(_logger, endpoint);
            throw;
        }
    }

    private Outcome<TriageResult> Refused(string endpoint, Outcome<TriageResult> outcome)
    {
        if (!outcome.IsSuccess)
        {
            LogRefused(endpoint, outcome.Errors);
        }

        return outcome;
    }

    private void Done(string endpoint, Urgency urgency, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        _metrics.Triaged(endpoint, urgency, elapsed);
        var urgencyName = urgency.JsonName();
        LogTriaged(_logger, endpoint, urgencyName, Engine.RuleSet.Version, elapsed.TotalMilliseconds);
    }

    private void LogRefused(string endpoint, IReadOnlyList<ValidationError> errors)
    {
        var codes = errors.Select(e => e.Code).ToArray();
        _metrics.Errors(endpoint, codes);
        var distinct = string.Join(",", codes.Distinct(StringComparer.Ordinal));
        LogInvalid(_logger, endpoint, errors.Count, distinct);
    }

    // Log lines name the endpoint, the urgency, error counts and codes: never a report id, an answer, a date or a message.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Triaged on {Endpoint}: {Urgency} (rule set {RuleSetVersion}) in {ElapsedMs:F3} ms")]
    private static partial void LogTriaged(ILogger logger, string endpoint, string urgency, string ruleSetVersion, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A decision on {Endpoint} was not answered: the audit store could not record it (503)")]
    private static partial void LogUnrecorded(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refused invalid input on {Endpoint}: {ErrorCount} error(s), codes {ErrorCodes}")]
    private static partial void LogInvalid(ILogger logger, string endpoint, int errorCount, string errorCodes);
}
