using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>
/// A report flattened into the plain properties that general-purpose rule engines match on: one answer per
/// question (of both rule sets), the temperature already in °C, the days since surgery and the region, and the engine's
/// thresholds. Building it is part of the cost of
/// using such an engine, so the benchmarks build it on every evaluation.
/// </summary>
public sealed class TriageInput
{
    private TriageInput(SymptomReport report, int days, TriageEngineOptions options)
    {
        var answers = report.Answers;
        BladderOrBowelControlLoss = answers[QuestionId.BladderOrBowelControlLoss];
        SaddleNumbness = answers[QuestionId.SaddleNumbness];
        NewOrWorseningLimbWeakness = answers[QuestionId.NewOrWorseningLimbWeakness];
        SuddenSeverePainAfterFallOrInjury = answers[QuestionId.SuddenSeverePainAfterFallOrInjury];
        Fever = answers[QuestionId.Fever];
        WoundDischarge = answers[QuestionId.WoundDischarge];
        WoundRednessOrSwelling = answers[QuestionId.WoundRednessOrSwelling];
        ChestPainOrBreathlessness = answers[QuestionId.ChestPainOrBreathlessness];
        NewOrWorseningLimbNumbness = answers[QuestionId.NewOrWorseningLimbNumbness];
        CalfPainOrSwelling = answers[QuestionId.CalfPainOrSwelling];
        PainReturnedAfterImprovement = answers[QuestionId.PainReturnedAfterImprovement];
        NewOrWorseningPain = answers[QuestionId.NewOrWorseningPain];
        InstabilityOrMovement = answers[QuestionId.InstabilityOrMovement];
        RadiatingLimbPain = answers[QuestionId.RadiatingLimbPain];
        LocalizedTenderness = answers[QuestionId.LocalizedTenderness];
        PainWorseWithMovement = answers[QuestionId.PainWorseWithMovement];
        LumpOverHardware = answers[QuestionId.LumpOverHardware];
        ImagingShowsHardwareProblem = answers[QuestionId.ImagingShowsHardwareProblem];
        NeckSwellingOrAirway = answers[QuestionId.NeckSwellingOrAirway];
        DrowsyConfusedOrSlowBreathing = answers[QuestionId.DrowsyConfusedOrSlowBreathing];
        RecentFallOrInjury = answers[QuestionId.RecentFallOrInjury];
        HeadacheWithStiffNeck = answers[QuestionId.HeadacheWithStiffNeck];
        SpinalFluidLeakSigns = answers[QuestionId.SpinalFluidLeakSigns];
        WoundBleeding = answers[QuestionId.WoundBleeding];
        WoundOpening = answers[QuestionId.WoundOpening];
        PainNotControlled = answers[QuestionId.PainNotControlled];
        NewSwallowingDifficulty = answers[QuestionId.NewSwallowingDifficulty];
        DaysSinceSurgery = days;
        SurgeryRegion = report.SurgeryRegion;
        PainScore = report.PainScore;
        TemperatureCelsius = report.Temperature?.ToCelsius();
        FeverThresholdCelsius = options.FeverThresholdCelsius ?? 38.0m;
        SeverePainScore = options.SeverePainScore ?? 8;
    }

    // One answer per question of clinical-criteria.md section 3, named as there.
    public Answer BladderOrBowelControlLoss { get; }

    public Answer SaddleNumbness { get; }

    public Answer NewOrWorseningLimbWeakness { get; }

    public Answer SuddenSeverePainAfterFallOrInjury { get; }

    public Answer Fever { get; }

    public Answer WoundDischarge { get; }

    public Answer WoundRednessOrSwelling { get; }

    public Answer ChestPainOrBreathlessness { get; }

    public Answer NewOrWorseningLimbNumbness { get; }

    public Answer CalfPainOrSwelling { get; }

    public Answer PainReturnedAfterImprovement { get; }

    public Answer NewOrWorseningPain { get; }

    public Answer InstabilityOrMovement { get; }

    public Answer RadiatingLimbPain { get; }

    public Answer LocalizedTenderness { get; }

    public Answer PainWorseWithMovement { get; }

    public Answer LumpOverHardware { get; }

    public Answer ImagingShowsHardwareProblem { get; }

    // The nine questions rule set 2.0 adds (clinical-criteria-2.0.md section 4); a 1.0 report leaves them unknown.
    public Answer NeckSwellingOrAirway { get; }

    public Answer DrowsyConfusedOrSlowBreathing { get; }

    public Answer RecentFallOrInjury { get; }

    public Answer HeadacheWithStiffNeck { get; }

    public Answer SpinalFluidLeakSigns { get; }

    public Answer WoundBleeding { get; }

    public Answer WoundOpening { get; }

    public Answer PainNotControlled { get; }

    public Answer NewSwallowingDifficulty { get; }

    /// <summary>Gets the days from the operation to the assessment date.</summary>
    public int DaysSinceSurgery { get; }

    /// <summary>Gets the region of the spine operated on, when given.</summary>
    public SurgeryRegion? SurgeryRegion { get; }

    /// <summary>Gets the pain score, when given.</summary>
    public int? PainScore { get; }

    /// <summary>Gets the measured temperature in °C, when measured.</summary>
    public decimal? TemperatureCelsius { get; }

    /// <summary>Gets the fever threshold in °C.</summary>
    public decimal FeverThresholdCelsius { get; }

    /// <summary>Gets the pain score at or above which pain is severe.</summary>
    public int SeverePainScore { get; }

    /// <summary>Flattens a validated report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The thresholds to apply.</param>
    /// <returns>The input.</returns>
    public static TriageInput From(ValidatedReport report, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        return new TriageInput(report.Report, report.DaysSinceSurgery, options);
    }
}
