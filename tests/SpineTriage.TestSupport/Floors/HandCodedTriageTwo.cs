using System.Numerics;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;
using static SpineTriage.Reports.QuestionId;

namespace SpineTriage.TestSupport.Floors;

/// <summary>
/// The floor of rule set 2.0: plain if-statements over the report, written from clinical-criteria-2.0.md (not from the
/// library's catalogue), producing only the fired rules (one bit each) and the highest urgency, with no explanation text.
/// </summary>
/// <remarks>
/// Readings taken as the library documents them (docs/clinical-notes.md, "Rule set 2.0"): a question that does not
/// apply never makes a red flag unresolved, a yes to it always counts, and the fall question is a red flag only within
/// 90 days.
/// </remarks>
public static class HandCodedTriageTwo
{
    /// <summary>Day 42 is the last day of the early period (section 2).</summary>
    private const int LastEarlyDay = 42;

    /// <summary>Day 90 is the last day "within 90 days" (section 2).</summary>
    private const int LastDayWithin90 = 90;

    /// <summary>The rule ids, indexed by <see cref="Rule"/>.</summary>
    private static readonly string[] Ids =
    [
        "cauda-equina", "motor-deficit", "neck-swelling-or-airway", "reduced-alertness", "infection-with-fever", "possible-meningitis",
        "fall-or-injury", "possible-pulmonary-embolism",
        "sensory-deficit", "wound-signs", "fever", "wound-bleeding", "wound-opening", "possible-spinal-fluid-leak", "headache-with-stiff-neck",
        "possible-deep-vein-thrombosis", "unresolved-red-flag", "severe-escalating-pain", "uncontrolled-pain", "new-swallowing-difficulty",
        "fall-within-90-days",
        "pain-after-improvement", "new-or-worsening-pain", "instability", "radicular-pain", "severe-pain", "symptomatic-imaging-finding",
        "recent-fall",
        "hardware-irritation", "asymptomatic-imaging-finding",
        "expected-recovery",
    ];

    /// <summary>The red flags that apply to every report, fever aside (it is answered by a temperature too).</summary>
    private static readonly QuestionId[] RedFlagsAlways =
    [
        BladderOrBowelControlLoss, SaddleNumbness, NewOrWorseningLimbWeakness, DrowsyConfusedOrSlowBreathing, SuddenSeverePainAfterFallOrInjury,
        WoundDischarge, WoundRednessOrSwelling, ChestPainOrBreathlessness, NewOrWorseningLimbNumbness, CalfPainOrSwelling,
    ];

    /// <summary>The red flags that apply in the early period only.</summary>
    private static readonly QuestionId[] RedFlagsEarly =
    [
        QuestionId.HeadacheWithStiffNeck, SpinalFluidLeakSigns, QuestionId.WoundBleeding, QuestionId.WoundOpening, QuestionId.PainNotControlled,
    ];

    // Rules in the catalogue order of clinical-criteria-2.0.md section 5 (new rules placed by their "after"), highest urgency first.
    private enum Rule
    {
        CaudaEquina, MotorDeficit, NeckSwellingOrAirway, ReducedAlertness, InfectionWithFever, PossibleMeningitis,
        FallOrInjury, PossiblePulmonaryEmbolism,
        SensoryDeficit, WoundSigns, Fever, WoundBleeding, WoundOpening, PossibleSpinalFluidLeak, HeadacheWithStiffNeck,
        PossibleDeepVeinThrombosis, UnresolvedRedFlag, SevereEscalatingPain, UncontrolledPain, NewSwallowingDifficulty,
        FallWithin90Days,
        PainAfterImprovement, NewOrWorseningPain, Instability, RadicularPain, SeverePain, SymptomaticImagingFinding,
        RecentFall,
        HardwareIrritation, AsymptomaticImagingFinding,
        ExpectedRecovery,
    }

    /// <summary>Decides a validated report by rule set 2.0.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The fired rules (bit <c>i</c> for <see cref="RuleId"/>(<c>i</c>)) and the urgency.</returns>
    public static FloorDecision Evaluate(ValidatedReport report, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var answers = report.Report.Answers;
        var temperature = report.Report.Temperature;
        var painScore = report.Report.PainScore;
        var days = report.DaysSinceSurgery;
        var region = report.Report.SurgeryRegion;

        var early = days <= LastEarlyDay;
        var within90Days = days <= LastDayWithin90;
        var neckSurgeryPossible = region is null or SurgeryRegion.Cervical;

        var temperatureIsFever = temperature.HasValue && temperature.Value.ToCelsius() >= (options.FeverThresholdCelsius ?? 38.0m);
        var feverPresent = answers[QuestionId.Fever] == Answer.Yes || temperatureIsFever;
        var feverAbsent = !feverPresent && (answers[QuestionId.Fever] == Answer.No || temperature.HasValue);
        var woundSignPresent = answers[WoundDischarge] == Answer.Yes || answers[WoundRednessOrSwelling] == Answer.Yes;
        var hardwareSymptom = answers[QuestionId.NewOrWorseningPain] == Answer.Yes
            || answers[PainReturnedAfterImprovement] == Answer.Yes
            || answers[InstabilityOrMovement] == Answer.Yes
            || answers[RadiatingLimbPain] == Answer.Yes
            || answers[LocalizedTenderness] == Answer.Yes
            || answers[PainWorseWithMovement] == Answer.Yes
            || answers[LumpOverHardware] == Answer.Yes
            || answers[QuestionId.PainNotControlled] == Answer.Yes
            || answers[QuestionId.NewSwallowingDifficulty] == Answer.Yes;

        var unresolvedRedFlag = !feverPresent && !feverAbsent;
        foreach (var question in RedFlagsAlways)
        {
            unresolvedRedFlag |= answers[question] == Answer.Unknown;
        }

        if (neckSurgeryPossible)
        {
            unresolvedRedFlag |= answers[QuestionId.NeckSwellingOrAirway] == Answer.Unknown || answers[QuestionId.NewSwallowingDifficulty] == Answer.Unknown;
        }

        if (early)
        {
            foreach (var question in RedFlagsEarly)
            {
                unresolvedRedFlag |= answers[question] == Answer.Unknown;
            }
        }

        if (within90Days)
        {
            unresolvedRedFlag |= answers[RecentFallOrInjury] == Answer.Unknown;
        }

        var painIsSevere = painScore >= (options.SeverePainScore ?? 8);
        var severeEscalatingPain = painIsSevere
            && (answers[QuestionId.NewOrWorseningPain] == Answer.Yes || answers[PainReturnedAfterImprovement] == Answer.Yes);
        var fallWithoutSuddenSeverePain = answers[RecentFallOrInjury] == Answer.Yes && answers[SuddenSeverePainAfterFallOrInjury] != Answer.Yes;
        var fluidLeak = answers[SpinalFluidLeakSigns] == Answer.Yes;
        var headache = answers[QuestionId.HeadacheWithStiffNeck] == Answer.Yes;

        ulong fired = 0;
        if (answers[BladderOrBowelControlLoss] == Answer.Yes || answers[SaddleNumbness] == Answer.Yes)
        {
            fired |= Bit(Rule.CaudaEquina);
        }

        if (answers[NewOrWorseningLimbWeakness] == Answer.Yes)
        {
            fired |= Bit(Rule.MotorDeficit);
        }

        if (answers[QuestionId.NeckSwellingOrAirway] == Answer.Yes)
        {
            fired |= Bit(Rule.NeckSwellingOrAirway);
        }

        if (answers[DrowsyConfusedOrSlowBreathing] == Answer.Yes)
        {
            fired |= Bit(Rule.ReducedAlertness);
        }

        if (feverPresent && woundSignPresent)
        {
            fired |= Bit(Rule.InfectionWithFever);
        }

        if (feverPresent && (fluidLeak || headache))
        {
            fired |= Bit(Rule.PossibleMeningitis);
        }

        if (answers[SuddenSeverePainAfterFallOrInjury] == Answer.Yes)
        {
            fired |= Bit(Rule.FallOrInjury);
        }

        if (answers[ChestPainOrBreathlessness] == Answer.Yes)
        {
            fired |= Bit(Rule.PossiblePulmonaryEmbolism);
        }

        if (answers[NewOrWorseningLimbNumbness] == Answer.Yes)
        {
            fired |= Bit(Rule.SensoryDeficit);
        }

        if (woundSignPresent && !feverPresent)
        {
            fired |= Bit(Rule.WoundSigns);
        }

        if (feverPresent && !woundSignPresent)
        {
            fired |= Bit(Rule.Fever);
        }

        if (answers[QuestionId.WoundBleeding] == Answer.Yes)
        {
            fired |= Bit(Rule.WoundBleeding);
        }

        if (answers[QuestionId.WoundOpening] == Answer.Yes)
        {
            fired |= Bit(Rule.WoundOpening);
        }

        if (fluidLeak && !feverPresent)
        {
            fired |= Bit(Rule.PossibleSpinalFluidLeak);
        }

        if (headache && !feverPresent)
        {
            fired |= Bit(Rule.HeadacheWithStiffNeck);
        }

        if (answers[CalfPainOrSwelling] == Answer.Yes)
        {
            fired |= Bit(Rule.PossibleDeepVeinThrombosis);
        }

        if (unresolvedRedFlag)
        {
            fired |= Bit(Rule.UnresolvedRedFlag);
        }

        if (severeEscalatingPain)
        {
            fired |= Bit(Rule.SevereEscalatingPain);
        }

        if (answers[QuestionId.PainNotControlled] == Answer.Yes)
        {
            fired |= Bit(Rule.UncontrolledPain);
        }

        if (answers[QuestionId.NewSwallowingDifficulty] == Answer.Yes)
        {
            fired |= Bit(Rule.NewSwallowingDifficulty);
        }

        if (fallWithoutSuddenSeverePain && within90Days)
        {
            fired |= Bit(Rule.FallWithin90Days);
        }

        if (answers[PainReturnedAfterImprovement] == Answer.Yes)
        {
            fired |= Bit(Rule.PainAfterImprovement);
        }

        if (answers[QuestionId.NewOrWorseningPain] == Answer.Yes)
        {
            fired |= Bit(Rule.NewOrWorseningPain);
        }

        if (answers[InstabilityOrMovement] == Answer.Yes)
        {
            fired |= Bit(Rule.Instability);
        }

        if (answers[RadiatingLimbPain] == Answer.Yes)
        {
            fired |= Bit(Rule.RadicularPain);
        }

        if (painIsSevere && !severeEscalatingPain)
        {
            fired |= Bit(Rule.SeverePain);
        }

        if (answers[ImagingShowsHardwareProblem] == Answer.Yes && hardwareSymptom)
        {
            fired |= Bit(Rule.SymptomaticImagingFinding);
        }

        if (fallWithoutSuddenSeverePain && !within90Days)
        {
            fired |= Bit(Rule.RecentFall);
        }

        if (answers[LocalizedTenderness] == Answer.Yes || answers[LumpOverHardware] == Answer.Yes || answers[PainWorseWithMovement] == Answer.Yes)
        {
            fired |= Bit(Rule.HardwareIrritation);
        }

        if (answers[ImagingShowsHardwareProblem] == Answer.Yes && !hardwareSymptom)
        {
            fired |= Bit(Rule.AsymptomaticImagingFinding);
        }

        if (fired == 0)
        {
            fired |= Bit(Rule.ExpectedRecovery);
        }

        return new FloorDecision(UrgencyOf((Rule)BitOperations.TrailingZeroCount(fired)), fired);
    }

    /// <summary>The id of the rule at bit <paramref name="index"/> of <see cref="FloorDecision.Fired"/>.</summary>
    /// <param name="index">The bit index.</param>
    /// <returns>The rule id.</returns>
    public static string RuleId(int index) => Ids[index];

    /// <summary>
    /// Whether a question applies to a report (clinical-criteria-2.0.md section 3): the neck questions when neck surgery is
    /// possible (region cervical or not given), the early-period questions up to day 42, every other question always.
    /// </summary>
    /// <param name="question">A question of rule set 2.0.</param>
    /// <param name="region">The report's surgery region.</param>
    /// <param name="daysSinceSurgery">The report's day count.</param>
    /// <returns>Whether it applies.</returns>
    public static bool Applies(QuestionId question, SurgeryRegion? region, int daysSinceSurgery) =>
        question == QuestionId.NeckSwellingOrAirway || question == QuestionId.NewSwallowingDifficulty ? region is null or SurgeryRegion.Cervical
        : RedFlagsEarly.Contains(question) ? daysSinceSurgery <= LastEarlyDay
        : true;

    private static ulong Bit(Rule rule) => 1UL << (int)rule;

    // The rules are in urgency order, so the first that fired gives the urgency.
    private static Urgency UrgencyOf(Rule rule) => rule switch
    {
        <= Rule.PossiblePulmonaryEmbolism => Urgency.Emergency,
        <= Rule.FallWithin90Days => Urgency.Urgent,
        <= Rule.RecentFall => Urgency.Soon,
        <= Rule.AsymptomaticImagingFinding => Urgency.Routine,
        _ => Urgency.SelfCare,
    };
}
