using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// Reads a condition tree straight against a report's facts: whether it holds, and its evidence (what made
/// it hold). The engine decides with the compiled form (<see cref="RuleTable"/>), which the tests hold equal
/// to <see cref="Holds"/>; it uses the interpreter for the evidence of a finding, made once per evidence.
/// </summary>
internal static class ConditionInterpreter
{
    private static readonly string[] PainTexts = Enumerable.Range(0, FactLayout.MaxPainScore + 1).Select(s => $"painScore: {s}").ToArray();

    /// <summary>Whether the condition holds for the facts, given the rules above that fired.</summary>
    public static bool Holds(Condition condition, in Facts facts, ulong fired, RuleScope scope)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var c in all.Conditions)
                {
                    if (!Holds(c, facts, fired, scope))
                    {
                        return false;
                    }
                }

                return true;
            case AnyOf any:
                foreach (var c in any.Conditions)
                {
                    if (Holds(c, facts, fired, scope))
                    {
                        return true;
                    }
                }

                return false;
            case NotOf not:
                return !Holds(not.Condition, facts, fired, scope);
            case NamedFact fact:
                return Holds(fact.Definition, facts, fired, scope);
            case AnswerIs answer:
                return facts.AnswerTo(answer.Question) == answer.Answer;
            case FeverIs fever:
                return facts.Fever == fever.Presence;
            case PainScoreAtLeast pain:
                return facts.PainScore >= 0 && facts.PainScore >= pain.Score;
            case DaysSinceSurgeryWithin days:
                return (days.Min is not { } min || facts.DaysSinceSurgery >= min) && (days.Max is not { } max || facts.DaysSinceSurgery <= max);
            case RegionIs region:
                return facts.Region is { } r && region.Regions.Contains(r);
            case RegionNotGiven:
                return facts.Region is null;
            case RiskFactorPresent risk:
                return (facts.RiskFactorMask & (1 << ((int)risk.RiskFactor - 1))) != 0;
            case RedFlagUnresolved:
                return facts.UnresolvedRedFlags != 0;
            case RuleFired ruleFired:
                return (fired & (1UL << scope.IndexOf(ruleFired.RuleId))) != 0;
            case NoRuleAboveFired:
                return (fired & ((1UL << scope.Index) - 1)) == 0;
            default:
                throw new InvalidOperationException($"Cannot read a {condition.GetType().Name} condition.");
        }
    }

    /// <summary>
    /// The evidence of a condition that holds, in the contract's form (<c>saddleNumbness: yes</c>,
    /// <c>temperature: 38.6 °C</c>, <c>painScore: 9</c>), each line once: every part of an <c>All</c>, every
    /// alternative of an <c>Any</c> that holds (yes answers in asking order), the unresolved red flags in asking order,
    /// nothing for a <c>Not</c> or a rule.
    /// </summary>
    /// <param name="condition">A condition that holds for the facts.</param>
    /// <param name="facts">The report's facts.</param>
    /// <param name="fired">The rules above that fired.</param>
    /// <param name="scope">Where the rule stands in the catalogue.</param>
    /// <param name="askingOrder">The rule set's questions in asking order.</param>
    public static IReadOnlyList<string> Evidence(Condition condition, in Facts facts, ulong fired, RuleScope scope, IReadOnlyList<QuestionId> askingOrder)
    {
        var lines = new List<string>();
        Add(condition, facts, fired, scope, askingOrder, lines);
        return lines.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void Add(Condition condition, in Facts facts, ulong fired, RuleScope scope, IReadOnlyList<QuestionId> askingOrder, List<string> lines)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var c in all.Conditions)
                {
                    Add(c, facts, fired, scope, askingOrder, lines);
                }

                break;
            case AnyOf any:
                var alternatives = any.Conditions.All(c => c is AnswerIs)
                    ? any.Conditions.OrderBy(c => AskingPosition(askingOrder, ((AnswerIs)c).Question))
                    : any.Conditions.AsEnumerable();
                foreach (var c in alternatives)
                {
                    if (Holds(c, facts, fired, scope))
                    {
                        Add(c, facts, fired, scope, askingOrder, lines);
                    }
                }

                break;
            case NamedFact fact:
                Add(fact.Definition, facts, fired, scope, askingOrder, lines);
                break;
            case AnswerIs answer:
                lines.Add($"{JsonNames.Of(answer.Question)}: {JsonNames.Of(answer.Answer)}");
                break;
            case FeverIs fever:
                AddFever(fever.Presence, facts, lines);
                break;
            case PainScoreAtLeast:
                lines.Add(PainTexts[facts.PainScore]);
                break;
            case DaysSinceSurgeryWithin:
                lines.Add("daysSinceSurgery: " + facts.DaysSinceSurgery.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case RegionIs or RegionNotGiven:
                lines.Add($"surgeryRegion: {(facts.Region is { } region ? JsonNames.Of(region) : "not given")}");
                break;
            case RiskFactorPresent risk:
                lines.Add($"riskFactors: {JsonNames.Of(risk.RiskFactor)}");
                break;
            case RedFlagUnresolved:
                foreach (var question in askingOrder)
                {
                    if ((facts.UnresolvedRedFlags & (1u << (int)question)) != 0)
                    {
                        lines.Add($"{JsonNames.Of(question)}: unknown");
                    }
                }

                break;

            // A condition that holds because something is not so, or because of another rule, cites nothing.
            default:
                break;
        }
    }

    // A question's place in the asking order; one the rule set does not ask (a test's catalogue) comes last, by id.
    private static int AskingPosition(IReadOnlyList<QuestionId> askingOrder, QuestionId question)
    {
        for (var i = 0; i < askingOrder.Count; i++)
        {
            if (askingOrder[i] == question)
            {
                return i;
            }
        }

        return askingOrder.Count + (int)question;
    }

    private static void AddFever(Presence presence, in Facts facts, List<string> lines)
    {
        if (presence == Presence.Unknown)
        {
            lines.Add("fever: unknown");
            return;
        }

        var answer = facts.AnswerTo(QuestionId.Fever);
        if (answer != Answer.Unknown && (presence == Presence.Present) == (answer == Answer.Yes))
        {
            lines.Add($"fever: {JsonNames.Of(answer)}");
        }

        if (facts.Report.Temperature is { } temperature && facts.TemperatureIsFever == (presence == Presence.Present))
        {
            lines.Add($"temperature: {temperature}");
        }
    }
}
