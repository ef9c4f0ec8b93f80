using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Rules;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// Reads a condition tree straight against a report's facts: whether it holds (<see cref="Holds"/>), and its evidence,
/// what made it hold (<see cref="Evidence"/>). This is how the engine decides: no other form of a condition exists.
/// </summary>
internal static class ConditionInterpreter
{
    private static readonly string[] PainTexts = [.. Enumerable.Range(0, 11).Select(s => $"painScore: {s}")];

    // "question: answer" for every well-known question and answer, by rank * 3 + answer (another question's is made when needed).
    private static readonly string[] AnswerTexts = [.. QuestionId.WellKnown.SelectMany(q => Enum.GetValues<Answer>().Order().Select(a => $"{JsonNames.Of(q)}: {JsonNames.Of(a)}"))];

    /// <summary>Whether the condition holds for the facts, given the rules above it (in catalogue order) that fired.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="facts">The report's facts.</param>
    /// <param name="fired">Whether each rule fired, by catalogue index; only the rules above <paramref name="scope"/> are read.</param>
    /// <param name="scope">Where the rule stands in the catalogue.</param>
    public static bool Holds(Condition condition, in Facts facts, ReadOnlySpan<bool> fired, in RuleScope scope)
    {
        switch (condition)
        {
            case AnswerIs answer:
                return facts.AnswerTo(answer.Question) == answer.Answer;
            case AnyOf any:
                foreach (var c in any.Items)
                {
                    if (Holds(c, facts, fired, scope))
                    {
                        return true;
                    }
                }

                return false;
            case AllOf all:
                foreach (var c in all.Items)
                {
                    if (!Holds(c, facts, fired, scope))
                    {
                        return false;
                    }
                }

                return true;
            case NotOf not:
                return !Holds(not.Condition, facts, fired, scope);
            case NamedFact fact:
                return Holds(fact.Definition, facts, fired, scope);
            case FeverIs fever:
                return facts.Fever == fever.Presence;
            case PainScoreAtLeast pain:
                return facts.PainScore >= 0 && facts.PainScore >= pain.Score;
            case DaysSinceSurgeryWithin days:
                return (days.Min is not { } min || facts.DaysSinceSurgery >= min) && (days.Max is not { } max || facts.DaysSinceSurgery <= max);
            case RegionIs region:
                return facts.Region is { } r && Facts.Contains(region.Items, r);
            case RegionNotGiven:
                return facts.Region is null;
            case RiskFactorPresent risk:
                return (facts.RiskFactorMask & (1 << ((int)risk.RiskFactor - 1))) != 0;
            case RedFlagUnresolved:
                return facts.AnyRedFlagUnresolved;
            case RuleFired ruleFired:
                return fired[scope.IndexOf(ruleFired.RuleId)];
            case NoRuleAboveFired:
                return !fired[..scope.Index].Contains(true);
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
    /// <param name="fired">Whether each rule fired, by catalogue index.</param>
    /// <param name="scope">Where the rule stands in the catalogue.</param>
    /// <param name="lines">A list to work in (cleared first), so that one serves every finding of a result.</param>
    public static string[] Evidence(Condition condition, in Facts facts, ReadOnlySpan<bool> fired, in RuleScope scope, List<string> lines)
    {
        lines.Clear();
        Add(condition, facts, fired, scope, lines);
        return [.. lines];
    }

    private static void Add(Condition condition, in Facts facts, ReadOnlySpan<bool> fired, in RuleScope scope, List<string> lines)
    {
        switch (condition)
        {
            case AllOf all:
                foreach (var c in all.Items)
                {
                    Add(c, facts, fired, scope, lines);
                }

                break;
            case AnyOf any:
                AddAlternatives(any, facts, fired, scope, lines);
                break;
            case NamedFact fact:
                Add(fact.Definition, facts, fired, scope, lines);
                break;
            case AnswerIs answer:
                AddOnce(lines, AnswerText(answer.Question, answer.Answer));
                break;
            case FeverIs fever:
                AddFever(fever.Presence, facts, lines);
                break;
            case PainScoreAtLeast:
                AddOnce(lines, facts.PainScore < PainTexts.Length ? PainTexts[facts.PainScore] : $"painScore: {facts.PainScore.ToString(CultureInfo.InvariantCulture)}");
                break;
            case DaysSinceSurgeryWithin:
                AddOnce(lines, "daysSinceSurgery: " + facts.DaysSinceSurgery.ToString(CultureInfo.InvariantCulture));
                break;
            case RegionIs or RegionNotGiven:
                AddOnce(lines, $"surgeryRegion: {(facts.Region is { } region ? JsonNames.Of(region) : "not given")}");
                break;
            case RiskFactorPresent risk:
                AddOnce(lines, $"riskFactors: {JsonNames.Of(risk.RiskFactor)}");
                break;
            case RedFlagUnresolved:
                foreach (var question in facts.AskingOrder)
                {
                    if (facts.IsUnresolvedRedFlag(question))
                    {
                        // A red flag absent from the report was not asked: kept apart from one answered "don't know".
                        AddOnce(lines, facts.IsGiven(question.Id) ? AnswerText(question.Id, Answer.Unknown) : JsonNames.Of(question.Id) + ": not asked");
                    }
                }

                break;

            // A condition that holds because something is not so, or because of another rule, cites nothing.
            default:
                break;
        }
    }

    // The alternatives that hold cite, in their order; alternatives that are all answers cite in asking order.
    private static void AddAlternatives(AnyOf any, in Facts facts, ReadOnlySpan<bool> fired, in RuleScope scope, List<string> lines)
    {
        var count = any.Items.Length;
        var allAnswers = true;
        foreach (var c in any.Items)
        {
            allAnswers &= c is AnswerIs;
        }

        if (!allAnswers || count == 1)
        {
            foreach (var c in any.Items)
            {
                if (Holds(c, facts, fired, scope))
                {
                    Add(c, facts, fired, scope, lines);
                }
            }

            return;
        }

        // A stable insertion sort of the alternatives by the asking position of their questions.
        Span<int> order = count <= 64 ? stackalloc int[count] : new int[count];
        for (var i = 0; i < count; i++)
        {
            var position = Position(any, i, facts);
            var at = i;
            while (at > 0 && Position(any, order[at - 1], facts) > position)
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = i;
        }

        foreach (var i in order)
        {
            var answer = (AnswerIs)any.Items[i];
            if (facts.AnswerTo(answer.Question) == answer.Answer)
            {
                AddOnce(lines, AnswerText(answer.Question, answer.Answer));
            }
        }
    }

    private static int Position(AnyOf any, int alternative, in Facts facts) => facts.AskingPosition(((AnswerIs)any.Items[alternative]).Question);

    private static string AnswerText(QuestionId question, Answer answer) =>
        question.Rank >= 0 ? AnswerTexts[(question.Rank * 3) + (int)answer] : $"{JsonNames.Of(question)}: {JsonNames.Of(answer)}";

    private static void AddOnce(List<string> lines, string line)
    {
        foreach (var existing in lines)
        {
            if (string.Equals(existing, line, StringComparison.Ordinal))
            {
                return;
            }
        }

        lines.Add(line);
    }

    private static void AddFever(Presence presence, in Facts facts, List<string> lines)
    {
        if (presence == Presence.Unknown)
        {
            AddOnce(lines, "fever: unknown");
            return;
        }

        var answer = facts.FeverAnswer;
        if (answer != Answer.Unknown && (presence == Presence.Present) == (answer == Answer.Yes))
        {
            AddOnce(lines, AnswerText(QuestionId.Fever, answer));
        }

        if (facts.Temperature is { } temperature && facts.TemperatureIsFever == (presence == Presence.Present))
        {
            AddOnce(lines, $"temperature: {temperature}");
        }
    }
}

/// <summary>Where a rule stands in its catalogue, for conditions on other rules.</summary>
/// <param name="Index">The rule's index in catalogue order.</param>
/// <param name="RuleIndexes">The index of every rule by id.</param>
internal readonly record struct RuleScope(int Index, IReadOnlyDictionary<string, int>? RuleIndexes)
{
    /// <summary>The index of a rule above this one.</summary>
    /// <exception cref="InvalidOperationException">There is no such rule above this one.</exception>
    public int IndexOf(string ruleId) =>
        RuleIndexes is not null && RuleIndexes.TryGetValue(ruleId, out var index) && index < Index
            ? index
            : throw new InvalidOperationException($"Rule {ruleId} must be declared before a rule that depends on it.");
}
