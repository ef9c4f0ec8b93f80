using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// The facts of one validated report as the rules read them, with every derived fact computed here and nowhere else
/// (clinical-criteria.md section 2, clinical-criteria-2.0.md sections 2 and 3, clinical-criteria-3.0.md sections 2 and
/// 3): the answers, fever, the days since surgery, the surgery region, the risk factors, whether a question applies
/// (by its condition on the surgery, and never for a question asked of clinicians only) and whether it counts as a red
/// flag, and the unresolved red flags. Derived facts that a condition states (wound sign, hardware symptom, early
/// period, within 90 days, and in 3.0 first two weeks and late) are named conditions of the rule-set document
/// (<c>facts</c>, read as <see cref="NamedFact"/>) and are read here, with the rules, through <see cref="ConditionInterpreter"/>.
/// </summary>
/// <remarks>
/// The facts can also be those of the report completed: every question of the rule set that applies to it and is absent
/// from its answers answered <see cref="AbsentAs"/>, and a temperature or pain score given in place of the report's.
/// That is how <see cref="TriageEngine.UrgencyOf"/> and <see cref="Results.TriageResult.IsSettled"/> read the ways an
/// interview could go on, without copying the report.
/// </remarks>
internal readonly struct Facts
{
    private readonly RuleEvaluator _rules;
    private readonly AnswerSet _answers;
    private readonly ulong _surgery; // the questions' conditions on the surgery that hold (RuleEvaluator.SurgeryFacts)

    /// <summary>Reads the facts of a report for an engine's rule set.</summary>
    /// <param name="rules">The engine's rule set: its questions and fever threshold.</param>
    /// <param name="report">The validated report.</param>
    /// <param name="absentAs">The answer of the applicable questions absent from the report; <see cref="Answer.Unknown"/> leaves them absent.</param>
    /// <param name="temperature">The temperature to read (the report's, or one an interview may still measure).</param>
    /// <param name="painScore">The pain score to read.</param>
    public Facts(RuleEvaluator rules, Validation.ValidatedReport report, Answer absentAs, Temperature? temperature, int? painScore)
    {
        _rules = rules;
        _answers = report.Report.Answers;
        _surgery = rules.SurgeryFacts(report.Report.SurgeryRegion, report.DaysSinceSurgery);
        AbsentAs = absentAs;
        DaysSinceSurgery = report.DaysSinceSurgery;
        Region = report.Report.SurgeryRegion;
        RiskFactorMask = report.RiskFactorMask;
        Temperature = temperature;
        PainScore = painScore ?? -1;

        // Fever (section 2): present when fever is yes or a measured temperature is at or above the threshold; absent when
        // not present and fever is no or a lower temperature was measured; otherwise unknown.
        TemperatureIsFever = temperature is { } measured && measured.ToCelsius() >= rules.FeverThresholdCelsius;
        FeverAnswer = AnswerTo(QuestionId.Fever);
        Fever = FeverAnswer == Answer.Yes || TemperatureIsFever ? Presence.Present
            : FeverAnswer == Answer.No || temperature.HasValue ? Presence.Absent
            : Presence.Unknown;

        var unresolved = false;
        foreach (var question in rules.RedFlags)
        {
            unresolved |= IsUnresolvedRedFlag(question);
        }

        AnyRedFlagUnresolved = unresolved;
    }

    /// <summary>Gets the answer given to the applicable questions absent from the report (<see cref="Answer.Unknown"/>: none).</summary>
    public Answer AbsentAs { get; }

    public int DaysSinceSurgery { get; }

    public SurgeryRegion? Region { get; }

    /// <summary>Gets the risk factors present: bit <c>r - 1</c> for risk factor <c>r</c>.</summary>
    public int RiskFactorMask { get; }

    public Temperature? Temperature { get; }

    /// <summary>Gets the pain score, or -1 when none was given.</summary>
    public int PainScore { get; }

    /// <summary>Gets whether a measured temperature is at or above the fever threshold.</summary>
    public bool TemperatureIsFever { get; }

    /// <summary>Gets the answer to the fever question.</summary>
    public Answer FeverAnswer { get; }

    /// <summary>Gets the derived fact fever.</summary>
    public Presence Fever { get; }

    /// <summary>Gets whether a red-flag question that applies is unknown (fever counts as answered when fever is present or absent).</summary>
    public bool AnyRedFlagUnresolved { get; }

    /// <summary>A measured fever although <c>fever</c> was answered no.</summary>
    public bool FeverContradiction => TemperatureIsFever && FeverAnswer == Answer.No;

    /// <summary><c>fever</c> answered yes although the measured temperature is below the threshold.</summary>
    public bool FeverAnswerContradicted => FeverAnswer == Answer.Yes && Temperature.HasValue && !TemperatureIsFever;

    /// <summary>The answer to a question: as given, or <see cref="AbsentAs"/> when it is absent, of the rule set and applies.</summary>
    public Answer AnswerTo(QuestionId question) =>
        _answers.Given(question) is { } answer ? answer
        : AbsentAs != Answer.Unknown && _rules.Find(question) is { } asked && Applies(asked) ? AbsentAs
        : Answer.Unknown;

    /// <summary>Whether the question was given an answer in the report itself, an explicit "don't know" included.</summary>
    public bool IsGiven(QuestionId question) => _answers.IsGiven(question);

    /// <summary>
    /// Whether a question applies to the report (section 3): by its surgery region and days since surgery only; a question
    /// asked of clinicians only never applies to a patient's report (clinical-criteria-3.0.md section 3, <i>clinician</i>),
    /// so the interview never asks it and, absent, it cannot hold a triage unsettled. A yes to it still counts in full.
    /// </summary>
    public bool Applies(Question question) => !question.IsClinicianOnly && (_rules.Applies(question, _surgery) ?? HoldsOnSurgery(question.AppliesWhen));

    /// <summary>Whether a question counts as a red flag for the report (in rule set 2.0 <c>recentFallOrInjury</c> only within 90 days).</summary>
    public bool CountsAsRedFlag(Question question) =>
        question.IsRedFlag && (_rules.CountsAsRedFlag(question, _surgery) ?? HoldsOnSurgery(question.CountsAsRedFlagWhen));

    /// <summary>Whether a question is an unresolved red flag: it counts as one, applies and is unknown; fever counts as answered when fever is known.</summary>
    public bool IsUnresolvedRedFlag(Question question) =>
        question.IsRedFlag
        && AnswerTo(question.Id) == Answer.Unknown
        && !(question.Id == QuestionId.Fever && Fever != Presence.Unknown)
        && Applies(question)
        && CountsAsRedFlag(question);

    /// <summary>Whether some question of the rule set that applies is absent from the report's answers (one an interview may still ask).</summary>
    public bool AnyApplicableQuestionAbsent()
    {
        foreach (var question in _rules.AskingOrder)
        {
            if (!_answers.IsGiven(question.Id) && Applies(question))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The asking position of a question in the rule set; one the rule set does not ask comes last, by id.</summary>
    public int AskingPosition(QuestionId question) => _rules.AskingPosition(question);

    /// <summary>Gets the rule set's questions in asking order.</summary>
    public Question[] AskingOrder => _rules.AskingOrder;

    // A question's applicability depends on the surgery region and the days since surgery only (RuleEvaluator checks it).
    private bool HoldsOnSurgery(Condition condition) => HoldsOnSurgery(condition, Region, DaysSinceSurgery);

    /// <summary>Whether a condition on the surgery alone (region, days since surgery) holds.</summary>
    internal static bool HoldsOnSurgery(Condition condition, SurgeryRegion? region, int daysSinceSurgery)
    {
        switch (condition)
        {
            case NamedFact fact:
                return HoldsOnSurgery(fact.Definition, region, daysSinceSurgery);
            case DaysSinceSurgeryWithin days:
                return (days.Min is not { } min || daysSinceSurgery >= min) && (days.Max is not { } max || daysSinceSurgery <= max);
            case RegionIs regions:
                return region is { } r && Contains(regions.Items, r);
            case RegionNotGiven:
                return region is null;
            case AllOf all:
                foreach (var c in all.Items)
                {
                    if (!HoldsOnSurgery(c, region, daysSinceSurgery))
                    {
                        return false;
                    }
                }

                return true;
            case AnyOf any:
                foreach (var c in any.Items)
                {
                    if (HoldsOnSurgery(c, region, daysSinceSurgery))
                    {
                        return true;
                    }
                }

                return false;
            case NotOf not:
                return !HoldsOnSurgery(not.Condition, region, daysSinceSurgery);
            default:
                throw new InvalidOperationException($"A question's applicability may depend on the surgery region and the days since surgery only, not on a {condition.GetType().Name}.");
        }
    }

    internal static bool Contains(SurgeryRegion[] regions, SurgeryRegion region)
    {
        for (var i = 0; i < regions.Length; i++)
        {
            if (regions[i] == region)
            {
                return true;
            }
        }

        return false;
    }
}
