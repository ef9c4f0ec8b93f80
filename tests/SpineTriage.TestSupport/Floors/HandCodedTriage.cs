using System.Numerics;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;
using static SpineTriage.Reports.QuestionId;

namespace SpineTriage.TestSupport.Floors;

/// <summary>
/// The floor: rule set 1.0 as plain if-statements over the report, producing only the fired rules (one bit
/// each) and the highest urgency, with no explanation text. Nothing can decide the same thing much faster,
/// so it shows what the engine's explanation and generality cost.
/// </summary>
public static class HandCodedTriage
{
    /// <summary>The rule ids, indexed by <see cref="Rule"/>.</summary>
    private static readonly string[] Ids =
    [
        "cauda-equina", "motor-deficit", "infection-with-fever", "fall-or-injury", "possible-pulmonary-embolism",
        "sensory-deficit", "wound-signs", "fever", "possible-deep-vein-thrombosis", "unresolved-red-flag", "severe-escalating-pain",
        "pain-after-improvement", "new-or-worsening-pain", "instability", "radicular-pain", "severe-pain", "symptomatic-imaging-finding",
        "hardware-irritation", "asymptomatic-imaging-finding",
        "expected-recovery",
    ];

    private static readonly QuestionId[] RedFlagsOtherThanFever =
    [
        BladderOrBowelControlLoss, SaddleNumbness, NewOrWorseningLimbWeakness, SuddenSeverePainAfterFallOrInjury,
        WoundDischarge, WoundRednessOrSwelling, ChestPainOrBreathlessness, NewOrWorseningLimbNumbness, CalfPainOrSwelling,
    ];

    // Rules in the order of clinical-criteria.md section 4, highest urgency first.
    private enum Rule
    {
        CaudaEquina, MotorDeficit, InfectionWithFever, FallOrInjury, PossiblePulmonaryEmbolism,
        SensoryDeficit, WoundSigns, Fever, PossibleDeepVeinThrombosis, UnresolvedRedFlag, SevereEscalatingPain,
        PainAfterImprovement, NewOrWorseningPain, Instability, RadicularPain, SeverePain, SymptomaticImagingFinding,
        HardwareIrritation, AsymptomaticImagingFinding,
        ExpectedRecovery,
    }

    /// <summary>Decides a validated report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The fired rules and the urgency.</returns>
    public static FloorDecision Evaluate(ValidatedReport report, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var answers = report.Report.Answers;
        var temperature = report.Report.Temperature;
        var painScore = report.Report.PainScore;

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
            || answers[LumpOverHardware] == Answer.Yes;
        var unresolvedRedFlag = !feverPresent && !feverAbsent;
        foreach (var question in RedFlagsOtherThanFever)
        {
            unresolvedRedFlag |= answers[question] == Answer.Unknown;
        }

        var painIsSevere = painScore >= (options.SeverePainScore ?? 8);
        var severeEscalatingPain = painIsSevere
            && (answers[QuestionId.NewOrWorseningPain] == Answer.Yes || answers[PainReturnedAfterImprovement] == Answer.Yes);

        ulong fired = 0;
        if (answers[BladderOrBowelControlLoss] == Answer.Yes || answers[SaddleNumbness] == Answer.Yes)
        {
            fired |= Bit(Rule.CaudaEquina);
        }

        if (answers[NewOrWorseningLimbWeakness] == Answer.Yes)
        {
            fired |= Bit(Rule.MotorDeficit);
        }

        if (feverPresent && woundSignPresent)
        {
            fired |= Bit(Rule.InfectionWithFever);
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

    /// <summary>Whether a question applies to a report (clinical-criteria.md: every question of rule set 1.0 always applies).</summary>
    /// <param name="question">A question of rule set 1.0.</param>
    /// <param name="region">The report's surgery region.</param>
    /// <param name="daysSinceSurgery">The report's day count.</param>
    /// <returns>Always <see langword="true"/>.</returns>
    public static bool Applies(QuestionId question, SurgeryRegion? region, int daysSinceSurgery) => true;

    private static ulong Bit(Rule rule) => 1UL << (int)rule;

    // The rules are in urgency order, so the first that fired gives the urgency.
    private static Urgency UrgencyOf(Rule rule) => rule switch
    {
        <= Rule.PossiblePulmonaryEmbolism => Urgency.Emergency,
        <= Rule.SevereEscalatingPain => Urgency.Urgent,
        <= Rule.SymptomaticImagingFinding => Urgency.Soon,
        <= Rule.AsymptomaticImagingFinding => Urgency.Routine,
        _ => Urgency.SelfCare,
    };
}

/// <summary>The floor's answer: the urgency and one bit per fired rule.</summary>
/// <param name="Urgency">The highest urgency of any fired rule.</param>
/// <param name="Fired">Bit <c>i</c> set when rule <c>i</c> of the criteria table fired.</param>
public readonly record struct FloorDecision(Urgency Urgency, ulong Fired)
{
    /// <summary>The ids of the fired rules, lowest bit first (allocates; not part of the measured floor).</summary>
    /// <param name="ruleId">The rule id of a bit index, from the floor that decided (<see cref="HandCodedTriage.RuleId"/> or <see cref="HandCodedTriageTwo.RuleId"/>).</param>
    /// <returns>The rule ids.</returns>
    public IReadOnlyList<string> RuleIds(Func<int, string> ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var ids = new List<string>();
        for (var bits = Fired; bits != 0; bits &= bits - 1)
        {
            ids.Add(ruleId(BitOperations.TrailingZeroCount(bits)));
        }

        return ids;
    }
}
