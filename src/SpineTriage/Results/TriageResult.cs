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
    private readonly IReadOnlyList<Finding> _findings = ValueList<Finding>.Empty;
    private readonly IReadOnlyList<QuestionId> _unansweredQuestions = ValueList<QuestionId>.Empty;
    private readonly IReadOnlyList<QuestionId> _notAskedQuestions = ValueList<QuestionId>.Empty;
    private readonly IReadOnlyList<string> _careAdvice = ValueList<string>.Empty;
    private readonly IReadOnlyList<string> _safetyNet = ValueList<string>.Empty;
    private readonly IReadOnlyList<string> _warnings = ValueList<string>.Empty;
    private readonly IReadOnlyList<string> _careAdviceKeys = ValueList<string>.Empty;
    private readonly IReadOnlyList<string> _warningKeys = ValueList<string>.Empty;

    /// <summary>Gets the report's <see cref="SymptomReport.ReportId"/>, echoed.</summary>
    public string? ReportId { get; init; }

    /// <summary>Gets the urgency: the highest urgency of any finding.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>Gets the patient-facing disposition text for <see cref="Urgency"/>.</summary>
    public required string Disposition { get; init; }

    /// <summary>
    /// Gets the key of <see cref="Disposition"/> in the text registry (<see cref="Texts.TextRegistry"/>), for example
    /// <c>disposition.urgent</c>; <see langword="null"/> for a result read from JSON written before keys existed.
    /// </summary>
    public string? DispositionKey { get; init; }

    /// <summary>Gets whether every red-flag question was answered (fever also counts as answered by a measured temperature).</summary>
    public required bool IsComplete { get; init; }

    /// <summary>Gets the number of days from the surgery date to the assessment date.</summary>
    public required int DaysSinceSurgery { get; init; }

    /// <summary>Gets every finding that fired, from the highest urgency down, then in rule order.</summary>
    public required IReadOnlyList<Finding> Findings { get => _findings; init => _findings = ValueList<Finding>.CopyOf(value); }

    /// <summary>Gets the red-flag questions that are still unanswered, in asking order; empty when <see cref="IsComplete"/>.</summary>
    public required IReadOnlyList<QuestionId> UnansweredQuestions { get => _unansweredQuestions; init => _unansweredQuestions = ValueList<QuestionId>.CopyOf(value); }

    /// <summary>
    /// Gets the red-flag questions of <see cref="UnansweredQuestions"/> that are absent from the report, in asking
    /// order: not asked at all, as opposed to answered "don't know" (<see cref="Answer.Unknown"/>). Empty when every
    /// red flag was given an answer.
    /// </summary>
    /// <remarks>
    /// The findings do not change: an absent red flag is unknown, so <c>unresolved-red-flag</c> still fires. This list
    /// and <see cref="IsSettled"/> tell how to present it: when the result is settled, these questions were not asked
    /// because the answers given already decide the urgency, and the patient need not be asked to answer them.
    /// </remarks>
    public IReadOnlyList<QuestionId> NotAskedQuestions { get => _notAskedQuestions; init => _notAskedQuestions = ValueList<QuestionId>.CopyOf(value); }

    /// <summary>
    /// Gets whether no answer to the questions absent from the report (yes, no or "don't know", to any of them) could
    /// change <see cref="Urgency"/>: the urgency with every absent question answered yes equals the urgency with every
    /// one answered no. Always <see langword="true"/> when every question of the catalogue was given an answer.
    /// The temperature and the pain score count as given (or not measured) as they stand in the report.
    /// </summary>
    /// <remarks>
    /// A result read from JSON written before this property existed is not settled (<see langword="false"/>).
    /// </remarks>
    public bool IsSettled { get; init; }

    /// <summary>Gets the care advice: one line per risk factor, and for self care the conservative-care advice.</summary>
    public required IReadOnlyList<string> CareAdvice { get => _careAdvice; init => _careAdvice = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the registry key of each line of <see cref="CareAdvice"/>, in the same order; empty for a result read from JSON written before keys existed.</summary>
    public IReadOnlyList<string> CareAdviceKeys { get => _careAdviceKeys; init => _careAdviceKeys = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the safety net: when to seek emergency care or call back.</summary>
    public required IReadOnlyList<string> SafetyNet { get => _safetyNet; init => _safetyNet = ValueList<string>.CopyOf(value); }

    /// <summary>
    /// Gets the safety net in its parts, each with its registry key: the same lines as <see cref="SafetyNet"/>, so that a
    /// host lists the signs without parsing the lines. <see langword="null"/> for a result read from JSON written before it existed.
    /// </summary>
    public SafetyNetParts? SafetyNetParts { get; init; }

    /// <summary>Gets warnings about the report, for example a measured fever that contradicts a "no".</summary>
    public required IReadOnlyList<string> Warnings { get => _warnings; init => _warnings = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the registry key of each line of <see cref="Warnings"/>, in the same order; empty for a result read from JSON written before keys existed.</summary>
    public IReadOnlyList<string> WarningKeys { get => _warningKeys; init => _warningKeys = ValueList<string>.CopyOf(value); }

    /// <summary>Gets the identity of the rule set that produced this result: what decided.</summary>
    public required RuleSetIdentity RuleSet { get; init; }

    /// <summary>
    /// Gets the identity of the texts the result is worded with: their language and text-set hash (docs/texts.md). Two
    /// results with the same <see cref="RuleSet"/> and different text sets have the same decisions in different wording.
    /// <see langword="null"/> for a result read from JSON written before text sets existed (the text set is unknown).
    /// </summary>
    public TextSetIdentity? TextSet { get; init; }

    /// <summary>
    /// Names the urgency and counts the findings, never the report id, the days since surgery or the evidence (answers
    /// and measurements), which are patient data, so a result that is logged by mistake leaks none.
    /// </summary>
    /// <returns>For example <c>TriageResult: urgent (code 4), 2 findings; report data not shown</c>.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"TriageResult: {UrgencyText(Urgency)}, {Findings.Count} finding{(Findings.Count == 1 ? "" : "s")}; report data not shown");

    /// <summary>The urgency for <see cref="ToString"/>, which must not throw for an undefined value.</summary>
    internal static string UrgencyText(Urgency urgency) => Enum.IsDefined(urgency)
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{urgency.JsonName()} (code {urgency.Code()})")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"undefined urgency {(int)urgency}");
}
