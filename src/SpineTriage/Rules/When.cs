using System.Globalization;
using SpineTriage.Reports;

namespace SpineTriage.Rules;

using Q = QuestionId;

/// <summary>
/// The vocabulary of rule conditions, so that the rule catalogue reads like the table of the clinical
/// criteria: answers, <see cref="All"/>, <see cref="Any"/>, <see cref="Not"/>, the derived facts, the pain
/// score, days since surgery, the surgery region, risk factors and other rules. Every condition it states
/// describes itself in words and is compiled by the engine.
/// </summary>
internal static class When
{
    /// <summary>Gets the condition that always holds (an empty <see cref="All"/>).</summary>
    public static Condition Always { get; } = new AllOf([]);

    /// <summary>Gets the condition that the surgery region was not given.</summary>
    public static Condition RegionNotGiven { get; } = new RegionNotGiven();

    /// <summary>Gets the derived fact wound sign present: <c>woundDischarge</c> or <c>woundRednessOrSwelling</c> yes.</summary>
    public static Condition WoundSign { get; } = new NamedFact(
        "wound sign present",
        "wound sign not present",
        AnyYes(Q.WoundDischarge, Q.WoundRednessOrSwelling));

    /// <summary>Gets the derived fact hardware symptom present (rule set 1.0).</summary>
    public static Condition HardwareSymptom { get; } = new NamedFact(
        "a hardware symptom present",
        "no hardware symptom present",
        AnyYes(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement, Q.InstabilityOrMovement, Q.RadiatingLimbPain, Q.LocalizedTenderness, Q.PainWorseWithMovement, Q.LumpOverHardware));

    /// <summary>
    /// Gets the derived fact hardware symptom present of rule set 2.0 (clinical-criteria-2.0.md section 2): as in 1.0, or
    /// <c>painNotControlled</c> or <c>newSwallowingDifficulty</c> yes.
    /// </summary>
    public static Condition HardwareSymptomTwo { get; } = new NamedFact(
        "a hardware symptom present",
        "no hardware symptom present",
        AnyYes(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement, Q.InstabilityOrMovement, Q.RadiatingLimbPain, Q.LocalizedTenderness, Q.PainWorseWithMovement, Q.LumpOverHardware, Q.PainNotControlled, Q.NewSwallowingDifficulty));

    /// <summary>Gets the derived fact neck surgery possible (rule set 2.0): the region is cervical or not given.</summary>
    public static Condition NeckSurgeryPossible { get; } = new NamedFact(
        "neck surgery possible",
        "neck surgery not possible",
        Any(Region(SurgeryRegion.Cervical), RegionNotGiven));

    /// <summary>Gets the derived fact early period (rule set 2.0): at most 42 days since surgery.</summary>
    public static Condition EarlyPeriod { get; } = new NamedFact("early period", "not early period", DaysSinceSurgery(max: 42));

    /// <summary>Gets the derived fact within 90 days (rule set 2.0): at most 90 days since surgery.</summary>
    public static Condition Within90Days { get; } = new NamedFact("within 90 days", "not within 90 days", DaysSinceSurgery(max: 90));

    /// <summary>Gets the condition that no rule above the rule fired.</summary>
    public static Condition NoRuleAboveFired { get; } = new NoRuleAboveFired();

    /// <summary>Gets the condition that a red-flag question that applies is unknown (fever counts as answered when present or absent).</summary>
    public static Condition AnyApplicableRedFlagUnresolved { get; } = new RedFlagUnresolved(someQuestionsConditional: false);

    /// <summary>
    /// The condition that a red-flag question that applies is unknown, worded for a question catalogue: "applicable" is
    /// said only when some of its questions apply only in some reports (rule set 2.0), so rule set 1.0 keeps its words.
    /// </summary>
    public static Condition AnyApplicableRedFlagUnresolvedAmong(IEnumerable<Question> questions) =>
        new RedFlagUnresolved(questions.Any(q => !ReferenceEquals(q.AppliesWhen, Always)));

    /// <summary>Every condition holds.</summary>
    public static Condition All(params Condition[] conditions) => new AllOf(conditions);

    /// <summary>At least one condition holds.</summary>
    public static Condition Any(params Condition[] conditions) => new AnyOf(conditions);

    /// <summary>The condition does not hold.</summary>
    public static Condition Not(Condition condition) => new NotOf(condition);

    /// <summary>The question answered yes.</summary>
    public static Condition Yes(QuestionId question) => new AnswerIs(question, Answer.Yes);

    /// <summary>The question answered no.</summary>
    public static Condition No(QuestionId question) => new AnswerIs(question, Answer.No);

    /// <summary>The question unknown: "don't know", or not asked.</summary>
    public static Condition Unknown(QuestionId question) => new AnswerIs(question, Answer.Unknown);

    /// <summary>Any of the questions answered yes.</summary>
    public static Condition AnyYes(params QuestionId[] questions) => questions.Length == 1 ? Yes(questions[0]) : Any(questions.Select(Yes).ToArray());

    /// <summary>The derived fact fever present, absent or unknown, with the fever threshold the engine uses.</summary>
    public static Condition Fever(Presence presence, decimal thresholdCelsius) => new FeverIs(presence, thresholdCelsius);

    /// <summary>A pain score given and at least <paramref name="score"/>.</summary>
    public static Condition PainScoreAtLeast(int score) => new PainScoreAtLeast(score);

    /// <summary>Days since surgery from <paramref name="min"/> to <paramref name="max"/>, inclusive; a missing end is open.</summary>
    public static Condition DaysSinceSurgery(int? min = null, int? max = null) => new DaysSinceSurgeryWithin(min, max);

    /// <summary>The surgery region given and one of <paramref name="regions"/>.</summary>
    public static Condition Region(params SurgeryRegion[] regions) => new RegionIs(regions);

    /// <summary>The risk factor present.</summary>
    public static Condition RiskFactor(RiskFactor riskFactor) => new RiskFactorPresent(riskFactor);

    /// <summary>The rule, declared above, fired.</summary>
    public static Condition Fired(string ruleId) => new RuleFired(ruleId);

    /// <summary>The rule, declared above, did not fire.</summary>
    public static Condition DidNotFire(string ruleId) => Not(Fired(ruleId));

    /// <summary>A temperature or threshold in °C as the words show it: <c>38.0</c>.</summary>
    public static string Format(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
