using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks;

/// <summary>
/// The report every Evaluate variant is measured on: a nurse-line call that fires several rules at
/// different levels (wound-signs and unresolved-red-flag urgent, new-or-worsening-pain and
/// symptomatic-imaging-finding soon, hardware-irritation routine), with a measured temperature below the
/// threshold, a pain score and risk factors, so every part of the explanation is exercised.
/// </summary>
public static class ReferenceReport
{
    /// <summary>The engine's fixed "today", later than the report's dates.</summary>
    public static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>Gets the report.</summary>
    public static SymptomReport Report { get; } = new()
    {
        ReportId = "bench-0001",
        SurgeryDate = new DateOnly(2026, 8, 10),
        AssessedOn = new DateOnly(2026, 10, 2),
        SurgeryRegion = SurgeryRegion.Lumbar,
        Hardware = [HardwareKind.Screws, HardwareKind.Rods],
        FusionLevels = 2,
        RiskFactors = [RiskFactor.Smoking, RiskFactor.Diabetes],
        PainScore = 6,
        Temperature = Temperature.Celsius(37.6m),
        Answers = AnswerSet.Of(
            (QuestionId.BladderOrBowelControlLoss, Answer.No),
            (QuestionId.SaddleNumbness, Answer.No),
            (QuestionId.NewOrWorseningLimbWeakness, Answer.No),
            (QuestionId.SuddenSeverePainAfterFallOrInjury, Answer.No),
            (QuestionId.Fever, Answer.No),
            (QuestionId.WoundDischarge, Answer.No),
            (QuestionId.WoundRednessOrSwelling, Answer.Yes),
            (QuestionId.ChestPainOrBreathlessness, Answer.No),
            (QuestionId.NewOrWorseningLimbNumbness, Answer.Unknown),
            (QuestionId.CalfPainOrSwelling, Answer.No),
            (QuestionId.PainReturnedAfterImprovement, Answer.No),
            (QuestionId.NewOrWorseningPain, Answer.Yes),
            (QuestionId.LocalizedTenderness, Answer.Yes),
            (QuestionId.ImagingShowsHardwareProblem, Answer.Yes)),
    };

    /// <summary>Gets the report as contract JSON (compact, canonical).</summary>
    public static string Json { get; } = TriageJson.SerializeReport(Report);

    /// <summary>
    /// Builds an engine of rule set 1.0 (the alternative implementations encode 1.0 until they are extended to 2.0) with
    /// default options whose clock is fixed at <see cref="Today"/>.
    /// </summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>. Their rule set is set to 1.0.</param>
    /// <returns>The engine.</returns>
    public static TriageEngine Engine(TriageEngineOptions? options = null) => new(OneZero(options), new FixedClock(Today));

    /// <summary>The options with rule set 1.0, which the alternative implementations encode.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The options, pinned to rule set 1.0.</returns>
    public static TriageEngineOptions OneZero(TriageEngineOptions? options = null) => (options ?? TriageEngineOptions.Default) with { RuleSet = Rules.RuleSets.V1 };

    /// <summary>Validates a report with <paramref name="engine"/>, which must accept it.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="report">The report.</param>
    /// <returns>The validated report.</returns>
    /// <exception cref="InvalidOperationException">The report is invalid.</exception>
    public static ValidatedReport Validated(TriageEngine engine, SymptomReport report)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var validation = engine.Validate(report);
        return validation.IsSuccess
            ? validation.Value
            : throw new InvalidOperationException("Benchmark report is invalid: " + string.Join("; ", validation.Errors));
    }
}

/// <summary>A clock fixed at noon UTC of a given day, so benchmarks and tests do not depend on the date they run.</summary>
/// <param name="today">The day.</param>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
