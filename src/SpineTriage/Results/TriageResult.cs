using SpineTriage.Reports;
using SpineTriage.Serialization;

namespace SpineTriage.Results;

/// <summary>
/// The outcome of triaging one valid report: the urgency, what to do, and why
/// (clinical-criteria.md section 6). Serialized to the contract's JSON by <see cref="TriageJson"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TriageResult
{
    /// <summary>Gets the report's <see cref="SymptomReport.ReportId"/>, echoed.</summary>
    public string? ReportId { get; init; }

    /// <summary>Gets the urgency: the highest urgency of any finding.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Gets the patient-facing disposition text for <see cref="Urgency"/>.</summary>
    public required string Disposition { get; init; }

    /// <summary>Gets whether every red-flag question was answered (fever also counts as answered by a measured temperature).</summary>
    public required bool IsComplete { get; init; }

    /// <summary>Gets the number of days from the surgery date to the assessment date.</summary>
    public required int DaysSinceSurgery { get; init; }

    /// <summary>Gets every finding that fired, from the highest urgency down, then in rule order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Gets the red-flag questions that are still unanswered, in asking order; empty when <see cref="IsComplete"/>.</summary>
    public required IReadOnlyList<QuestionId> UnansweredQuestions { get; init; }

    /// <summary>Gets the care advice: one line per risk factor, and for self care the conservative-care advice.</summary>
    public required IReadOnlyList<string> CareAdvice { get; init; }

    /// <summary>Gets the safety net: when to seek emergency care or call back.</summary>
    public required IReadOnlyList<string> SafetyNet { get; init; }

    /// <summary>Gets warnings about the report, for example a measured fever that contradicts a "no".</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Gets the identity of the rule set that produced this result.</summary>
    public required RuleSetIdentity RuleSet { get; init; }

    /// <inheritdoc />
    public bool Equals(TriageResult? other) =>
        other is not null
        && ReportId == other.ReportId
        && Urgency == other.Urgency
        && Disposition == other.Disposition
        && IsComplete == other.IsComplete
        && DaysSinceSurgery == other.DaysSinceSurgery
        && Findings.SequenceEqual(other.Findings)
        && UnansweredQuestions.SequenceEqual(other.UnansweredQuestions)
        && CareAdvice.SequenceEqual(other.CareAdvice)
        && SafetyNet.SequenceEqual(other.SafetyNet)
        && Warnings.SequenceEqual(other.Warnings)
        && RuleSet == other.RuleSet;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ReportId, Urgency, IsComplete, DaysSinceSurgery, Findings.Count);
}
