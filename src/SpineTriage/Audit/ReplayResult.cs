using System.Globalization;
using System.Text;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Audit;

/// <summary>The outcome of replaying one <see cref="AuditRecord"/> with today's engine.</summary>
/// <remarks>Immutable. <see cref="Describe"/> tells it in one line that holds no patient data.</remarks>
public sealed record ReplayResult
{
    private readonly IReadOnlyList<string> _currentRuleIds = ValueList<string>.Empty;
    private readonly IReadOnlyList<ValidationError> _errors = ValueList<ValidationError>.Empty;

    /// <summary>Gets how the recorded decision compares with today's.</summary>
    public required ReplayStatus Status { get; init; }

    /// <summary>Gets the record that was replayed.</summary>
    public required AuditRecord Record { get; init; }

    /// <summary>Gets the recorded urgency.</summary>
    public Urgency RecordedUrgency => Record.Urgency;

    /// <summary>Gets the recorded rule ids.</summary>
    public IReadOnlyList<string> RecordedRuleIds => Record.RuleIds;

    /// <summary>Gets today's urgency for the report; <see langword="null"/> when it could not be replayed.</summary>
    public Urgency? CurrentUrgency { get; init; }

    /// <summary>Gets today's rule ids for the report, in findings order; empty when it could not be replayed.</summary>
    public IReadOnlyList<string> CurrentRuleIds { get => _currentRuleIds; init => _currentRuleIds = ValueList<string>.CopyOf(value); }

    /// <summary>
    /// Gets the identity of today's rule set that replayed the record; for <see cref="ReplayStatus.UnknownRuleSet"/>, the
    /// recorded one (no engine of its line replayed it).
    /// </summary>
    public required RuleSetIdentity CurrentRuleSet { get; init; }

    /// <summary>Gets whether today's rule-set hash differs from the recorded one (rules or thresholds changed); <see langword="false"/> for <see cref="ReplayStatus.UnknownRuleSet"/>.</summary>
    public bool RuleSetChanged => !string.Equals(Record.RuleSet.Hash, CurrentRuleSet.Hash, StringComparison.Ordinal);

    /// <summary>Gets why the report could not be replayed, when <see cref="Status"/> is <see cref="ReplayStatus.ReportInvalid"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get => _errors; init => _errors = ValueList<ValidationError>.CopyOf(value); }

    /// <summary>
    /// Names the status, the recorded and today's decisions and the number of errors; never the record's report
    /// id, dates, answers or measurements, nor the errors' messages.
    /// </summary>
    /// <returns>For example <c>ReplayResult: different: recorded soon [new-or-worsening-pain], now urgent [wound-signs]</c>.</returns>
    public override string ToString()
    {
        var recorded = $"{RecordedUrgency.JsonName()} [{string.Join(", ", RecordedRuleIds)}]";
        var now = CurrentUrgency is { } current ? $", now {current.JsonName()} [{string.Join(", ", CurrentRuleIds)}]" : "";
        var errors = Errors.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Errors.Count} error(s)") : "";
        return $"ReplayResult: {JsonName(Status)}: recorded {recorded}{now}{errors}";
    }

    /// <summary>
    /// Describes the outcome in one line without patient data (no report id, no answers), for example
    /// <c>different: recorded soon [new-or-worsening-pain], now urgent [unresolved-red-flag, new-or-worsening-pain]; rule set changed (…)</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        var recorded = $"{RecordedUrgency.JsonName()} [{string.Join(", ", RecordedRuleIds)}]";
        switch (Status)
        {
            case ReplayStatus.Same:
                text.Append("same: ").Append(recorded);
                break;
            case ReplayStatus.Different:
                text.Append("different: recorded ").Append(recorded)
                    .Append(", now ").Append(CurrentUrgency?.JsonName()).Append(" [").Append(string.Join(", ", CurrentRuleIds)).Append(']');
                break;
            case ReplayStatus.NoReport:
                text.Append("no report: recorded ").Append(recorded).Append("; the record holds no report to replay");
                break;
            case ReplayStatus.UnknownRuleSet:
                text.Append("unknown rule set: recorded ").Append(recorded).Append("; the record names rule set ").Append(ShownVersion(Record.RuleSet.Version))
                    .Append(", of no line the engines run (").Append(string.Join(", ", Rules.RuleSets.Selectors)).Append("), so it was not replayed");
                break;
            default:
                text.Append("report invalid: recorded ").Append(recorded).Append("; ")
                    .Append(string.Join("; ", Errors.Select(e => e.ToString())));
                break;
        }

        if (RuleSetChanged)
        {
            text.Append("; rule set changed (recorded ").Append(Record.RuleSet.Version).Append(' ').Append(Record.RuleSet.Hash)
                .Append(", now ").Append(CurrentRuleSet.Version).Append(' ').Append(CurrentRuleSet.Hash).Append(')');
        }

        return text.ToString();
    }

    private static string JsonName(ReplayStatus status) => status switch
    {
        ReplayStatus.Same => "same",
        ReplayStatus.Different => "different",
        ReplayStatus.NoReport => "no report",
        ReplayStatus.UnknownRuleSet => "unknown rule set",
        _ => "report invalid",
    };

    /// <summary>
    /// A stored rule-set version as it may be shown: <c>version 7.1.0</c> when it is plain version text (at most 32 letters,
    /// digits and <c>.+-</c>), else <c>version (not shown)</c>: a stored value is never echoed unchecked.
    /// </summary>
    /// <param name="version">The stored version.</param>
    /// <returns>The text to show.</returns>
    internal static string ShownVersion(string version) =>
        version.Length is > 0 and <= 32 && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-')
            ? "version " + version
            : "version (not shown)";
}
