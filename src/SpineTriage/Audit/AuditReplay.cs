using System.Globalization;
using SpineTriage.Engine;
using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.Audit;

/// <summary>
/// Replays recorded decisions with today's engine: was the same report given the same urgency and
/// rules then as now? Used to check an audit log after a rule-set change.
/// </summary>
/// <remarks>Thread-safe; pure apart from the engine's clock.</remarks>
public static class AuditReplay
{
    /// <summary>Replays one record.</summary>
    /// <param name="engine">Today's engine.</param>
    /// <param name="record">The record; it can be replayed only when it holds its report.</param>
    /// <returns>
    /// <see cref="ReplayStatus.Same"/> or <see cref="ReplayStatus.Different"/> (same urgency and same rule
    /// ids in the same order, or not); <see cref="ReplayStatus.NoReport"/> when the record holds no report;
    /// <see cref="ReplayStatus.ReportInvalid"/> when the report does not match the record's hash or today's
    /// engine rejects it. A report without an assessment date is replayed for the record's
    /// <see cref="AuditRecord.AssessedOn"/>, as it was triaged.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="record"/> is <see langword="null"/>.</exception>
    public static ReplayResult Replay(TriageEngine engine, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReportJson is null)
        {
            return new ReplayResult { Status = ReplayStatus.NoReport, Record = record, CurrentRuleSet = engine.RuleSet.Identity };
        }

        var parsed = TriageJson.ParseReport(record.ReportJson);
        if (!parsed.IsSuccess)
        {
            return Invalid(engine, record, parsed.Errors.Select(e => new ValidationError("$.report" + e.Path[1..], e.Code, e.Message)).ToArray());
        }

        if (!string.Equals(AuditRecord.HashReport(parsed.Value), record.ReportHash, StringComparison.Ordinal))
        {
            return Invalid(engine, record, [new ValidationError("$.report", ErrorCodes.HashMismatch, "the report does not match reportHash: the record was altered.")]);
        }

        var report = parsed.Value.AssessedOn is null ? parsed.Value with { AssessedOn = record.AssessedOn } : parsed.Value;
        var outcome = engine.Triage(report);
        if (!outcome.IsSuccess)
        {
            return Invalid(engine, record, outcome.Errors.Select(e => new ValidationError("$.report" + e.Path[1..], e.Code, e.Message)).ToArray());
        }

        var ruleIds = Array.AsReadOnly(outcome.Value.Findings.Select(f => f.RuleId).ToArray());
        var same = outcome.Value.Urgency == record.Urgency && ruleIds.SequenceEqual(record.RuleIds, StringComparer.Ordinal);
        return new ReplayResult
        {
            Status = same ? ReplayStatus.Same : ReplayStatus.Different,
            Record = record,
            CurrentUrgency = outcome.Value.Urgency,
            CurrentRuleIds = ruleIds,
            CurrentRuleSet = engine.RuleSet.Identity,
        };
    }

    /// <summary>
    /// Replays a JSON Lines audit log: each non-blank line is read with <see cref="AuditRecord.ParseJsonLine"/>
    /// and replayed. A malformed line is reported, not thrown.
    /// </summary>
    /// <param name="engine">Today's engine.</param>
    /// <param name="lines">The lines of the log, for example <c>File.ReadLines(path)</c>.</param>
    /// <returns>One entry per non-blank line, with counts and a summary line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="lines"/> is <see langword="null"/>.</exception>
    public static AuditReplayReport ReplayJsonLines(TriageEngine engine, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<AuditReplayLine>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = AuditRecord.ParseJsonLine(line);
            entries.Add(parsed.IsSuccess
                ? new AuditReplayLine(number, Replay(engine, parsed.Value), [])
                : new AuditReplayLine(number, null, parsed.Errors));
        }

        return new AuditReplayReport(entries);
    }

    private static ReplayResult Invalid(TriageEngine engine, AuditRecord record, IReadOnlyList<ValidationError> errors) =>
        new() { Status = ReplayStatus.ReportInvalid, Record = record, CurrentRuleSet = engine.RuleSet.Identity, Errors = errors };
}

/// <summary>One line of a replayed audit log: its replay, or why the line is not an audit record.</summary>
/// <param name="LineNumber">The line's number in the log, from 1 (blank lines count).</param>
/// <param name="Result">The replay, or <see langword="null"/> when the line is malformed.</param>
/// <param name="Errors">Why the line is not an audit record; empty when it was replayed.</param>
public sealed record AuditReplayLine(int LineNumber, ReplayResult? Result, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>Gets whether the line is not a readable audit record.</summary>
    public bool IsMalformed => Result is null;

    /// <summary>Describes the line without patient data, for example <c>line 3: same: urgent [wound-signs]</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"line {LineNumber}: {(Result is null ? "malformed: " + string.Join("; ", Errors.Select(e => e.ToString())) : Result.Describe())}");
}

/// <summary>The replay of a whole JSON Lines audit log (<see cref="AuditReplay.ReplayJsonLines"/>).</summary>
/// <remarks>Immutable.</remarks>
public sealed class AuditReplayReport
{
    internal AuditReplayReport(IReadOnlyList<AuditReplayLine> lines)
    {
        Lines = lines;
        Same = Count(ReplayStatus.Same);
        Different = Count(ReplayStatus.Different);
        NoReport = Count(ReplayStatus.NoReport);
        ReportInvalid = Count(ReplayStatus.ReportInvalid);
        Malformed = lines.Count(l => l.IsMalformed);

        int Count(ReplayStatus status) => lines.Count(l => l.Result?.Status == status);
    }

    /// <summary>Gets one entry per non-blank line, in file order.</summary>
    public IReadOnlyList<AuditReplayLine> Lines { get; }

    /// <summary>Gets the number of records that replay to the same decision.</summary>
    public int Same { get; }

    /// <summary>Gets the number of records whose decision differs today.</summary>
    public int Different { get; }

    /// <summary>Gets the number of records without a report.</summary>
    public int NoReport { get; }

    /// <summary>Gets the number of records whose report does not match its hash or is rejected today.</summary>
    public int ReportInvalid { get; }

    /// <summary>Gets the number of lines that are not audit records.</summary>
    public int Malformed { get; }

    /// <summary>Gets the closing summary, for example <c>4 records: 2 same, 1 different, 1 no report, 0 report invalid, 0 malformed</c>.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Lines.Count} records: {Same} same, {Different} different, {NoReport} no report, {ReportInvalid} report invalid, {Malformed} malformed");
}
