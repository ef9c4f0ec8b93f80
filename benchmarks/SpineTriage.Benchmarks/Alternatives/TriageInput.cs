using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Validation;

namespace SpineTriage.Benchmarks.Alternatives;

/// <summary>
/// A report flattened into the plain properties that general-purpose rule engines match on: one answer per
/// question, the temperature already in °C, and the engine's thresholds. Building it is part of the cost of
/// using such an engine, so the benchmarks build it on every evaluation.
/// </summary>
public sealed class TriageInput
{
    private TriageInput(SymptomReport report, TriageEngineOptions options)
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
        PainScore = report.PainScore;
        TemperatureCelsius = report.Temperature?.ToCelsius();
        FeverThresholdCelsius = options.FeverThresholdCelsius;
        SeverePainScore = options.SeverePainScore;
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
        return new TriageInput(report.Report, options);
    }
}
