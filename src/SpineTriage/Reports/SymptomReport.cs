using SpineTriage.Engine;
using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.Reports;

/// <summary>
/// What a patient (or a nurse on their behalf) reports after spine surgery: the input of a triage.
/// </summary>
/// <remarks>
/// Immutable. A report may hold values that are not allowed (a pain score of 12, say): it becomes a
/// <see cref="ValidatedReport"/> only through <see cref="TriageEngine.Validate(SymptomReport)"/>, and only a
/// validated report can be evaluated. Report JSON is read and written by <see cref="TriageJson"/>.
/// </remarks>
public sealed record SymptomReport
{
    private readonly IReadOnlyList<HardwareKind> _hardware = [];
    private readonly IReadOnlyList<RiskFactor> _riskFactors = [];
    private readonly AnswerSet _answers = AnswerSet.Empty;
    private readonly IReadOnlyList<Measurement> _skipped = [];

    /// <summary>Gets an optional identifier chosen by the integrator (up to 128 characters), echoed in the result.</summary>
    public string? ReportId { get; init; }

    /// <summary>
    /// Gets the language the result is worded in, one of <see cref="Texts.TextLanguages.All"/> (JSON <c>language</c>);
    /// <see langword="null"/> for the engine's <see cref="TriageEngineOptions.Language"/>. An unsupported language is a
    /// <see cref="ErrorCodes.UnknownLanguage"/> error at <c>$.language</c>. Decisions never depend on it.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Gets the date of the operation (required).</summary>
    public required DateOnly SurgeryDate { get; init; }

    /// <summary>Gets the date the symptoms are assessed on; when <see langword="null"/>, today's date from the engine's clock.</summary>
    public DateOnly? AssessedOn { get; init; }

    /// <summary>Gets the region of the spine operated on, when known.</summary>
    public SurgeryRegion? SurgeryRegion { get; init; }

    /// <summary>Gets the kinds of hardware implanted (no duplicates).</summary>
    public IReadOnlyList<HardwareKind> Hardware { get => _hardware; init => _hardware = Freeze(value); }

    /// <summary>Gets the number of fused levels (1 to 20), when known.</summary>
    public int? FusionLevels { get; init; }

    /// <summary>Gets the patient's risk factors (no duplicates). They add advice; they never change the urgency.</summary>
    public IReadOnlyList<RiskFactor> RiskFactors { get => _riskFactors; init => _riskFactors = Freeze(value); }

    /// <summary>Gets the pain score from 0 (none) to 10 (worst imaginable), when given.</summary>
    public int? PainScore { get; init; }

    /// <summary>Gets the measured temperature with its unit, when measured.</summary>
    public Temperature? Temperature { get; init; }

    /// <summary>Gets the answers to the questions; a question not answered is <see cref="Answer.Unknown"/>.</summary>
    public AnswerSet Answers { get => _answers; init => _answers = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>
    /// Gets the measurements that were asked for and not given (no thermometer at hand, a pain score declined); no
    /// duplicates, and a skipped measurement has no value. Evaluation treats a skipped measurement like a missing one;
    /// the difference matters to an interview (<see cref="Interview.TriageInterview"/>): a missing measurement may still
    /// be asked and could still be at its highest, a skipped one is settled as not measured.
    /// </summary>
    public IReadOnlyList<Measurement> Skipped { get => _skipped; init => _skipped = Freeze(value); }

    /// <summary>Gets whether a measurement is listed in <see cref="Skipped"/>.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns><see langword="true"/> when it was asked for and not given.</returns>
    public bool IsSkipped(Measurement measurement) => _skipped.Contains(measurement);

    /// <inheritdoc />
    public bool Equals(SymptomReport? other) =>
        other is not null
        && ReportId == other.ReportId
        && Language == other.Language
        && SurgeryDate == other.SurgeryDate
        && AssessedOn == other.AssessedOn
        && SurgeryRegion == other.SurgeryRegion
        && Hardware.SequenceEqual(other.Hardware)
        && FusionLevels == other.FusionLevels
        && RiskFactors.SequenceEqual(other.RiskFactors)
        && PainScore == other.PainScore
        && Temperature == other.Temperature
        && Answers.Equals(other.Answers)
        && Skipped.SequenceEqual(other.Skipped);

    /// <summary>
    /// Says how many answers the report gives, never a value: no report id, date, answer or measurement, which are
    /// patient data, so a report that is logged by mistake leaks none.
    /// </summary>
    /// <returns>For example <c>SymptomReport: 5 answers given; values not shown (patient data)</c>.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"SymptomReport: {Answers.Count} answer{(Answers.Count == 1 ? "" : "s")} given; values not shown (patient data)");

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ReportId, SurgeryDate, AssessedOn, PainScore, Temperature, Answers);

    // A defensive copy keeps the report immutable even when the caller later changes its list.
    private static System.Collections.ObjectModel.ReadOnlyCollection<T> Freeze<T>(IReadOnlyList<T> value) =>
        value is null ? throw new ArgumentNullException(nameof(value)) : Array.AsReadOnly(value.ToArray());
}
