using System.Numerics;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;
using static SpineTriage.Reports.QuestionId;

namespace SpineTriage.TestSupport.Floors;

/// <summary>
/// The floor of rule set 3.0: plain if-statements over the report, written from clinical-criteria-3.0.md (changes from
/// 2.0) and clinical-criteria-2.0.md, not from the library's catalogue or rule-set document, producing only the fired
/// rules (one bit each) and the highest urgency, with no explanation text. It also says, from the same criteria, which
/// questions apply to a report, which of them count as red flags there, and which safety-net lines are listed.
/// </summary>
/// <remarks>
/// Readings taken (docs/clinical-notes.md, "Rule set 3.0"): a question that does not apply never makes a red flag
/// unresolved, and a yes to it always counts (section 3); the fall question is a red flag only within 90 days (2.0
/// reading 1, kept by 3.0); the rule conditions of section 5 carry no applicability of their own, so a yes to
/// <c>newSevereHeadache</c> on day 200 still gives <c>severe-headache</c> (or <c>possible-meningitis</c> with fever),
/// while <c>possible-epidural-haematoma</c> is bounded by its own condition (the first two weeks).
/// </remarks>
public static class HandCodedTriageThree
{
    /// <summary>Day 14 is the last day of the first two weeks (section 2).</summary>
    public const int LastDayOfFirstTwoWeeks = 14;

    /// <summary>Day 42 is the last day of the early period; day 43 is the first day "late" (section 2).</summary>
    public const int LastEarlyDay = 42;

    /// <summary>Day 90 is the last day "within 90 days" (section 2).</summary>
    public const int LastDayWithin90 = 90;

    /// <summary>The rule ids, indexed by <see cref="Rule"/>: the full 3.0 catalogue order of section 5.</summary>
    private static readonly string[] Ids =
    [
        "cauda-equina", "motor-deficit", "possible-epidural-haematoma", "neck-swelling-or-airway", "reduced-alertness", "stroke-or-seizure",
        "infection-with-fever", "possible-meningitis", "fall-or-injury", "possible-pulmonary-embolism",
        "sensory-deficit", "wound-signs", "fever", "wound-bleeding", "wound-opening", "possible-spinal-fluid-leak", "headache-with-stiff-neck",
        "severe-headache", "possible-deep-vein-thrombosis", "unresolved-red-flag", "severe-escalating-pain", "uncontrolled-pain",
        "new-swallowing-difficulty", "fall-within-90-days", "belly-swollen-or-vomiting",
        "pain-after-improvement", "new-or-worsening-pain", "instability", "radicular-pain", "severe-pain", "symptomatic-imaging-finding",
        "recent-fall", "no-bowel-movement",
        "hardware-irritation", "asymptomatic-imaging-finding", "persistent-hoarseness",
        "expected-recovery",
    ];

    /// <summary>The 32 questions in the 3.0 asking order (section 4), with whether each is a red flag and when it applies.</summary>
    private static readonly (QuestionId Id, bool RedFlag, Applies Applies)[] Order =
    [
        (BladderOrBowelControlLoss, true, Applies.Always),
        (SaddleNumbness, true, Applies.Always),
        (NewOrWorseningLimbWeakness, true, Applies.Always),
        (NeckSwellingOrAirway, true, Applies.Neck),
        (DrowsyConfusedOrSlowBreathing, true, Applies.Always),
        (StrokeOrSeizureSigns, true, Applies.Always),
        (SuddenSeverePainAfterFallOrInjury, true, Applies.Always),
        (RecentFallOrInjury, true, Applies.Always),
        (QuestionId.Fever, true, Applies.Always),
        (QuestionId.HeadacheWithStiffNeck, true, Applies.Within90Days),
        (NewSevereHeadache, true, Applies.Within90Days),
        (WoundDischarge, true, Applies.Always),
        (SpinalFluidLeakSigns, true, Applies.Within90Days),
        (WoundRednessOrSwelling, true, Applies.Always),
        (QuestionId.WoundBleeding, true, Applies.Early),
        (QuestionId.WoundOpening, true, Applies.Early),
        (ChestPainOrBreathlessness, true, Applies.Always),
        (NewOrWorseningLimbNumbness, true, Applies.Always),
        (CalfPainOrSwelling, true, Applies.Always),
        (QuestionId.PainNotControlled, true, Applies.Early),
        (BellySwollenOrVomiting, true, Applies.Early),
        (QuestionId.NewSwallowingDifficulty, true, Applies.Neck),
        (PainReturnedAfterImprovement, false, Applies.Always),
        (QuestionId.NewOrWorseningPain, false, Applies.Always),
        (InstabilityOrMovement, false, Applies.Always),
        (RadiatingLimbPain, false, Applies.Always),
        (LocalizedTenderness, false, Applies.Late),
        (PainWorseWithMovement, false, Applies.Late),
        (LumpOverHardware, false, Applies.Always),
        (NoBowelMovementFourDays, false, Applies.Early),
        (HoarseVoiceTwoWeeks, false, Applies.Neck),
        (ImagingShowsHardwareProblem, false, Applies.Clinician),
    ];

    /// <summary>When a question applies (section 3).</summary>
    private enum Applies
    {
        Always,
        Neck,
        Early,
        Within90Days,
        Late,
        Clinician,
    }

    // Rules in the full 3.0 catalogue order of clinical-criteria-3.0.md section 5, highest urgency first.
    private enum Rule
    {
        CaudaEquina, MotorDeficit, PossibleEpiduralHaematoma, NeckSwellingOrAirway, ReducedAlertness, StrokeOrSeizure,
        InfectionWithFever, PossibleMeningitis, FallOrInjury, PossiblePulmonaryEmbolism,
        SensoryDeficit, WoundSigns, Fever, WoundBleeding, WoundOpening, PossibleSpinalFluidLeak, HeadacheWithStiffNeck,
        SevereHeadache, PossibleDeepVeinThrombosis, UnresolvedRedFlag, SevereEscalatingPain, UncontrolledPain,
        NewSwallowingDifficulty, FallWithin90Days, BellySwollenOrVomiting,
        PainAfterImprovement, NewOrWorseningPain, Instability, RadicularPain, SeverePain, SymptomaticImagingFinding,
        RecentFall, NoBowelMovement,
        HardwareIrritation, AsymptomaticImagingFinding, PersistentHoarseness,
        ExpectedRecovery,
    }

    /// <summary>Gets the 32 questions of rule set 3.0 in its asking order (section 4).</summary>
    public static IReadOnlyList<QuestionId> AskingOrder { get; } = Array.AsReadOnly(Order.Select(q => q.Id).ToArray());

    /// <summary>Gets the questions of rule set 3.0 that rule set 2.0 does not have, in the 3.0 asking order.</summary>
    public static IReadOnlyList<QuestionId> NewQuestions { get; } =
        Array.AsReadOnly(new[] { StrokeOrSeizureSigns, NewSevereHeadache, BellySwollenOrVomiting, NoBowelMovementFourDays, HoarseVoiceTwoWeeks });

    /// <summary>Gets the rule ids of rule set 3.0 in its catalogue order (section 5).</summary>
    public static IReadOnlyList<string> RuleIds { get; } = Array.AsReadOnly(Ids);

    /// <summary>Whether a question of rule set 3.0 applies to a report (section 3): is asked by a patient interview.</summary>
    /// <param name="question">A question of rule set 3.0.</param>
    /// <param name="region">The report's surgery region, or <see langword="null"/> when not given.</param>
    /// <param name="daysSinceSurgery">The days since surgery.</param>
    /// <returns><see langword="true"/> when the question applies; never for the clinician-only imaging question.</returns>
    public static bool AppliesTo(QuestionId question, SurgeryRegion? region, int daysSinceSurgery) =>
        Entry(question).Applies switch
        {
            Applies.Always => true,
            Applies.Neck => region is null or SurgeryRegion.Cervical,
            Applies.Early => daysSinceSurgery <= LastEarlyDay,
            Applies.Within90Days => daysSinceSurgery <= LastDayWithin90,
            Applies.Late => daysSinceSurgery > LastEarlyDay,
            _ => false,
        };

    /// <summary>Whether a question counts as a red flag for a report: it is a red flag of section 4 and applies, and the fall question only within 90 days.</summary>
    /// <param name="question">A question of rule set 3.0.</param>
    /// <param name="region">The report's surgery region, or <see langword="null"/> when not given.</param>
    /// <param name="daysSinceSurgery">The days since surgery.</param>
    /// <returns><see langword="true"/> when its unknown answer makes the report incomplete.</returns>
    public static bool IsRedFlagFor(QuestionId question, SurgeryRegion? region, int daysSinceSurgery) =>
        Entry(question).RedFlag
        && AppliesTo(question, region, daysSinceSurgery)
        && (question != RecentFallOrInjury || daysSinceSurgery <= LastDayWithin90);

    /// <summary>Decides a report by rule set 3.0 without an engine (a 3.0 engine need not exist): the floor's whole result.</summary>
    /// <param name="report">A valid report of rule set 3.0.</param>
    /// <param name="today">The assessment date when the report carries none.</param>
    /// <param name="feverThresholdCelsius">The fever threshold; 38.0 °C when <see langword="null"/>.</param>
    /// <param name="severePainScore">The severe pain score; 8 when <see langword="null"/>.</param>
    /// <returns>The urgency, the fired rules in the 3.0 catalogue order and whether the result is complete.</returns>
    public static FloorResult Decide(SymptomReport report, DateOnly today, decimal? feverThresholdCelsius = null, int? severePainScore = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var decision = Evaluate(
            ValidatedReport.ForTestDouble(report, report.AssessedOn ?? today),
            new TriageEngineOptions { FeverThresholdCelsius = feverThresholdCelsius, SeverePainScore = severePainScore });
        return new FloorResult(decision.Urgency, decision.RuleIds(RuleId));
    }

    /// <summary>Decides a validated report by rule set 3.0.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The thresholds (the rule set they name is not read).</param>
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

        // Section 2: the derived facts.
        var firstTwoWeeks = days <= LastDayOfFirstTwoWeeks;
        var within90Days = days <= LastDayWithin90;
        var temperatureIsFever = temperature.HasValue && temperature.Value.ToCelsius() >= (options.FeverThresholdCelsius ?? 38.0m);
        var feverPresent = answers[QuestionId.Fever] == Answer.Yes || temperatureIsFever;
        var feverAbsent = !feverPresent && (answers[QuestionId.Fever] == Answer.No || temperature.HasValue);
        var woundSignPresent = Yes(WoundDischarge) || Yes(WoundRednessOrSwelling);
        var hardwareSymptom = Yes(QuestionId.NewOrWorseningPain) || Yes(PainReturnedAfterImprovement) || Yes(InstabilityOrMovement)
            || Yes(RadiatingLimbPain) || Yes(LocalizedTenderness) || Yes(PainWorseWithMovement) || Yes(LumpOverHardware)
            || Yes(QuestionId.PainNotControlled) || Yes(QuestionId.NewSwallowingDifficulty) || Yes(HoarseVoiceTwoWeeks);

        // Section 3: only applicable red flags can be unresolved; fever counts as answered when present or absent.
        var unresolvedRedFlag = !feverPresent && !feverAbsent;
        foreach (var (question, _, _) in Order)
        {
            unresolvedRedFlag |= question != QuestionId.Fever && IsRedFlagFor(question, region, days) && answers[question] == Answer.Unknown;
        }

        var painIsSevere = painScore >= (options.SeverePainScore ?? 8);
        var severeEscalatingPain = painIsSevere && (Yes(QuestionId.NewOrWorseningPain) || Yes(PainReturnedAfterImprovement));
        var fallWithoutSuddenSeverePain = Yes(RecentFallOrInjury) && answers[SuddenSeverePainAfterFallOrInjury] != Answer.Yes;
        var fluidLeak = Yes(SpinalFluidLeakSigns);
        var headacheWithStiffNeck = Yes(QuestionId.HeadacheWithStiffNeck);
        var severeHeadache = Yes(NewSevereHeadache);
        var severeOrWorseningPain = painIsSevere || Yes(QuestionId.NewOrWorseningPain) || Yes(PainReturnedAfterImprovement) || Yes(QuestionId.PainNotControlled);

        ulong fired = 0;
        Fire(Rule.CaudaEquina, Yes(BladderOrBowelControlLoss) || Yes(SaddleNumbness));
        Fire(Rule.MotorDeficit, Yes(NewOrWorseningLimbWeakness));
        Fire(Rule.PossibleEpiduralHaematoma, firstTwoWeeks && Yes(NewOrWorseningLimbNumbness) && severeOrWorseningPain);
        Fire(Rule.NeckSwellingOrAirway, Yes(QuestionId.NeckSwellingOrAirway));
        Fire(Rule.ReducedAlertness, Yes(DrowsyConfusedOrSlowBreathing));
        Fire(Rule.StrokeOrSeizure, Yes(StrokeOrSeizureSigns));
        Fire(Rule.InfectionWithFever, feverPresent && woundSignPresent);
        Fire(Rule.PossibleMeningitis, feverPresent && (fluidLeak || headacheWithStiffNeck || severeHeadache));
        Fire(Rule.FallOrInjury, Yes(SuddenSeverePainAfterFallOrInjury));
        Fire(Rule.PossiblePulmonaryEmbolism, Yes(ChestPainOrBreathlessness));

        Fire(Rule.SensoryDeficit, Yes(NewOrWorseningLimbNumbness));
        Fire(Rule.WoundSigns, woundSignPresent && !feverPresent);
        Fire(Rule.Fever, feverPresent && !woundSignPresent);
        Fire(Rule.WoundBleeding, Yes(QuestionId.WoundBleeding));
        Fire(Rule.WoundOpening, Yes(QuestionId.WoundOpening));
        Fire(Rule.PossibleSpinalFluidLeak, fluidLeak && !feverPresent);
        Fire(Rule.HeadacheWithStiffNeck, headacheWithStiffNeck && !feverPresent);
        Fire(Rule.SevereHeadache, severeHeadache && !feverPresent);
        Fire(Rule.PossibleDeepVeinThrombosis, Yes(CalfPainOrSwelling));
        Fire(Rule.UnresolvedRedFlag, unresolvedRedFlag);
        Fire(Rule.SevereEscalatingPain, severeEscalatingPain);
        Fire(Rule.UncontrolledPain, Yes(QuestionId.PainNotControlled));
        Fire(Rule.NewSwallowingDifficulty, Yes(QuestionId.NewSwallowingDifficulty));
        Fire(Rule.FallWithin90Days, fallWithoutSuddenSeverePain && within90Days);
        Fire(Rule.BellySwollenOrVomiting, Yes(BellySwollenOrVomiting));

        Fire(Rule.PainAfterImprovement, Yes(PainReturnedAfterImprovement));
        Fire(Rule.NewOrWorseningPain, Yes(QuestionId.NewOrWorseningPain));
        Fire(Rule.Instability, Yes(InstabilityOrMovement));
        Fire(Rule.RadicularPain, Yes(RadiatingLimbPain));
        Fire(Rule.SeverePain, painIsSevere && !severeEscalatingPain);
        Fire(Rule.SymptomaticImagingFinding, Yes(ImagingShowsHardwareProblem) && hardwareSymptom);
        Fire(Rule.RecentFall, fallWithoutSuddenSeverePain && !within90Days);
        Fire(Rule.NoBowelMovement, Yes(NoBowelMovementFourDays));

        Fire(Rule.HardwareIrritation, Yes(LocalizedTenderness) || Yes(LumpOverHardware) || Yes(PainWorseWithMovement));
        Fire(Rule.AsymptomaticImagingFinding, Yes(ImagingShowsHardwareProblem) && !hardwareSymptom);
        Fire(Rule.PersistentHoarseness, Yes(HoarseVoiceTwoWeeks));

        Fire(Rule.ExpectedRecovery, fired == 0);

        return new FloorDecision(UrgencyOf((Rule)BitOperations.TrailingZeroCount(fired)), fired);

        bool Yes(QuestionId question) => answers[question] == Answer.Yes;

        void Fire(Rule rule, bool when)
        {
            if (when)
            {
                fired |= 1UL << (int)rule;
            }
        }
    }

    /// <summary>
    /// The safety-net lines of section 6 a result lists, by their number in the section's table (1 to 11, in that
    /// order): each emergency sign that is not present, where it is listed.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The numbers of the listed lines, ascending; the call-back line that always ends the safety net is not numbered.</returns>
    public static IReadOnlyList<int> SafetyNetLines(ValidatedReport report, TriageEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        var decision = Evaluate(report, options);
        var answers = report.Report.Answers;
        var days = report.DaysSinceSurgery;
        var neck = report.Report.SurgeryRegion is null or SurgeryRegion.Cervical;
        var lines = new List<int>();
        Add(1, true, Yes(BladderOrBowelControlLoss));
        Add(2, true, Yes(SaddleNumbness));
        Add(3, true, Yes(NewOrWorseningLimbWeakness));
        Add(4, neck, Yes(QuestionId.NeckSwellingOrAirway));
        Add(5, true, Yes(DrowsyConfusedOrSlowBreathing));
        Add(6, true, Yes(StrokeOrSeizureSigns));
        Add(7, true, Yes(SuddenSeverePainAfterFallOrInjury));
        Add(8, true, Fired(Rule.InfectionWithFever));
        Add(9, days <= LastDayWithin90, Fired(Rule.PossibleMeningitis));
        Add(10, true, Yes(ChestPainOrBreathlessness));
        Add(11, days <= LastDayOfFirstTwoWeeks, Fired(Rule.PossibleEpiduralHaematoma));
        return lines;

        bool Yes(QuestionId question) => answers[question] == Answer.Yes;

        bool Fired(Rule rule) => (decision.Fired & (1UL << (int)rule)) != 0;

        void Add(int line, bool listedWhen, bool leftOutWhen)
        {
            if (listedWhen && !leftOutWhen)
            {
                lines.Add(line);
            }
        }
    }

    /// <summary>The id of the rule at bit <paramref name="index"/> of <see cref="FloorDecision.Fired"/>.</summary>
    /// <param name="index">The bit index.</param>
    /// <returns>The rule id.</returns>
    public static string RuleId(int index) => Ids[index];

    private static (QuestionId Id, bool RedFlag, Applies Applies) Entry(QuestionId question) =>
        Array.Find(Order, q => q.Id == question) is { Id: var id } entry && id == question
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(question), question, "Not a question of rule set 3.0.");

    // The rules are in urgency order, so the first that fired gives the urgency.
    private static Urgency UrgencyOf(Rule rule) => rule switch
    {
        <= Rule.PossiblePulmonaryEmbolism => Urgency.Emergency,
        <= Rule.BellySwollenOrVomiting => Urgency.Urgent,
        <= Rule.NoBowelMovement => Urgency.Soon,
        <= Rule.PersistentHoarseness => Urgency.Routine,
        _ => Urgency.SelfCare,
    };
}
