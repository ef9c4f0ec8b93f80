using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Engine.Internal;

/// <summary>
/// One clause of a compiled condition: it holds when a fact of <see cref="Set"/> is set, a fact of
/// <see cref="Clear"/> is clear, a rule of <see cref="Fired"/> fired or a rule of <see cref="NotFired"/> did not.
/// </summary>
internal readonly record struct Clause(FactWord Set, FactWord Clear, ulong Fired, ulong NotFired)
{
    public static Clause False => default;

    public bool RefersToRules => (Fired | NotFired) != 0;

    /// <summary>Whether a literal and its negation are both in the clause, so it always holds.</summary>
    public bool AlwaysHolds => Set.Intersects(Clear) || (Fired & NotFired) != 0;

    public static Clause operator |(in Clause a, in Clause b) => new(a.Set | b.Set, a.Clear | b.Clear, a.Fired | b.Fired, a.NotFired | b.NotFired);

    public bool Holds(in FactWord facts, ulong fired) =>
        facts.Intersects(Set) || !(Clear & ~facts).IsEmpty || (fired & Fired) != 0 || (~fired & NotFired) != 0;
}

/// <summary>Where a rule stands in its catalogue, for conditions on other rules.</summary>
/// <param name="Index">The rule's index in catalogue order.</param>
/// <param name="RuleIndexes">The index of every rule by id.</param>
internal sealed record RuleScope(int Index, IReadOnlyDictionary<string, int> RuleIndexes)
{
    public int IndexOf(string ruleId) =>
        RuleIndexes.TryGetValue(ruleId, out var index) && index < Index
            ? index
            : throw new InvalidOperationException($"Rule {ruleId} must be declared before a rule that depends on it.");
}

/// <summary>
/// Compiles any condition of the vocabulary (<see cref="When"/>) into conjunctive normal form over the
/// facts word and the rules fired so far: a list of <see cref="Clause"/>s that must all hold. <c>Not</c> is
/// pushed to the facts by De Morgan (every fact bit can be tested set or clear), <c>Any</c> of <c>All</c> is
/// distributed; an empty list always holds, a list with an empty clause never does.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>The most clauses a condition may compile to: distributing <c>Any</c> over <c>All</c> can multiply them.</summary>
    public const int MaxClauses = 4096;

    /// <summary>Compiles a rule's condition.</summary>
    public static IReadOnlyList<Clause> Compile(Condition condition, FactLayout layout, RuleScope scope) =>
        Compile(condition, negated: false, layout, scope);

    /// <summary>Compiles a condition on facts alone (one that names no rule and no unresolved red flag), such as a question's applicability.</summary>
    public static IReadOnlyList<Clause> CompileFacts(Condition condition, FactLayout layout) =>
        Compile(condition, negated: false, layout, scope: null);

    private static List<Clause> Compile(Condition condition, bool negated, FactLayout layout, RuleScope? scope)
    {
        switch (condition)
        {
            case AllOf all:
                return negated ? Or(all.Conditions.Select(c => Compile(c, true, layout, scope))) : And(all.Conditions.Select(c => Compile(c, false, layout, scope)));
            case AnyOf any:
                return negated ? And(any.Conditions.Select(c => Compile(c, true, layout, scope))) : Or(any.Conditions.Select(c => Compile(c, false, layout, scope)));
            case NotOf not:
                return Compile(not.Condition, !negated, layout, scope);
            case NamedFact fact:
                return Compile(fact.Definition, negated, layout, scope);
            case AnswerIs { Answer: Answer.Yes } answer:
                return Bit(layout.YesBit(answer.Question), negated);
            case AnswerIs { Answer: Answer.No } answer:
                return Bit(layout.NoBit(answer.Question), negated);
            case AnswerIs answer:
                return Neither(layout.YesBit(answer.Question), layout.NoBit(answer.Question), negated);
            case FeverIs fever:
                if (fever.ThresholdCelsius != layout.FeverThresholdCelsius)
                {
                    throw new InvalidOperationException($"A condition names a fever threshold of {When.Format(fever.ThresholdCelsius)} °C; the engine uses {When.Format(layout.FeverThresholdCelsius)} °C.");
                }

                return fever.Presence switch
                {
                    Presence.Present => Bit(layout.FeverPresent, negated),
                    Presence.Absent => Bit(layout.FeverAbsent, negated),
                    _ => Neither(layout.FeverPresent, layout.FeverAbsent, negated),
                };
            case PainScoreAtLeast pain:
                return pain.Score > FactLayout.MaxPainScore ? Constant(negated)
                    : Bit(layout.PainAtLeast + Math.Max(pain.Score, 0), negated);
            case DaysSinceSurgeryWithin days:
                return Days(days, negated, layout);
            case RegionIs region:
                var regions = region.Regions.Aggregate(default(FactWord), (word, r) => word | FactWord.Bit(layout.RegionBit(r)));
                return negated ? Singles(regions, set: false) : [new Clause(regions, default, 0, 0)];
            case RegionNotGiven:
                return Bit(layout.RegionNotGiven, negated);
            case RiskFactorPresent risk:
                return Bit(layout.RiskFactorBit(risk.RiskFactor), negated);
            case RedFlagUnresolved:
                return scope is null
                    ? throw new InvalidOperationException("A question's applicability cannot depend on unresolved red flags.")
                    : Bit(layout.RedFlagUnresolved, negated);
            case RuleFired fired:
                var rule = 1UL << (scope ?? throw NoRules()).IndexOf(fired.RuleId);
                return [negated ? new Clause(default, default, 0, rule) : new Clause(default, default, rule, 0)];
            case NoRuleAboveFired:
                var above = (1UL << (scope ?? throw NoRules()).Index) - 1;
                return negated
                    ? [new Clause(default, default, above, 0)]
                    : Enumerable.Range(0, scope.Index).Select(i => new Clause(default, default, 0, 1UL << i)).ToList();
            default:
                throw new InvalidOperationException($"The engine cannot compile a {condition.GetType().Name} condition.");
        }
    }

    private static InvalidOperationException NoRules() => new("A question's applicability cannot depend on rules.");

    private static List<Clause> Bit(int bit, bool negated) =>
        [negated ? new Clause(default, FactWord.Bit(bit), 0, 0) : new Clause(FactWord.Bit(bit), default, 0, 0)];

    // Neither bit set; negated, either is.
    private static List<Clause> Neither(int first, int second, bool negated) =>
        negated
            ? [new Clause(FactWord.Bit(first) | FactWord.Bit(second), default, 0, 0)]
            : [new Clause(default, FactWord.Bit(first), 0, 0), new Clause(default, FactWord.Bit(second), 0, 0)];

    private static List<Clause> Constant(bool value) => value ? [] : [Clause.False];

    private static List<Clause> Singles(FactWord bits, bool set) =>
        bits.SetBits().Select(b => set ? new Clause(FactWord.Bit(b), default, 0, 0) : new Clause(default, FactWord.Bit(b), 0, 0)).ToList();

    private static List<Clause> Days(DaysSinceSurgeryWithin days, bool negated, FactLayout layout)
    {
        var bits = default(FactWord);
        bits |= days.Min is { } min ? FactWord.Bit(layout.DaysAtLeastBit(min)) : default;
        bits |= days.Max is { } max ? FactWord.Bit(layout.DaysAtMostBit(max)) : default;

        // Within the range: every bound met. Outside it: some bound not met (no bound: never outside).
        return negated ? [new Clause(default, bits, 0, 0)] : Singles(bits, set: true);
    }

    private static List<Clause> And(IEnumerable<List<Clause>> parts)
    {
        var clauses = new List<Clause>();
        foreach (var part in parts)
        {
            clauses.AddRange(part);
        }

        return Tidy(clauses);
    }

    private static List<Clause> Or(IEnumerable<List<Clause>> parts)
    {
        List<Clause> clauses = [Clause.False];
        foreach (var part in parts)
        {
            if (clauses.Count * part.Count > MaxClauses)
            {
                throw new InvalidOperationException($"A condition compiles to more than {MaxClauses} clauses; state it with fewer alternatives of conjunctions.");
            }

            clauses = Tidy([.. clauses.SelectMany(a => part.Select(b => a | b))]);
        }

        return clauses;
    }

    // Drops the clauses that always hold and the duplicates.
    private static List<Clause> Tidy(List<Clause> clauses) => clauses.Where(c => !c.AlwaysHolds).Distinct().ToList();
}

/// <summary>A condition on facts alone, compiled: it holds when every clause holds.</summary>
internal sealed class FactTest
{
    private readonly FactWord _forbidden;
    private readonly Clause[] _clauses;

    private FactTest(FactWord forbidden, Clause[] clauses)
    {
        _forbidden = forbidden;
        _clauses = clauses;
    }

    /// <summary>Splits clauses into the facts that must be clear (one test) and the other clauses.</summary>
    public static FactTest Of(IReadOnlyList<Clause> clauses)
    {
        if (clauses.Any(c => c.RefersToRules))
        {
            throw new InvalidOperationException("A fact test cannot depend on rules.");
        }

        var forbidden = clauses.Where(IsForbidden).Aggregate(default(FactWord), (word, c) => word | c.Clear);
        return new FactTest(forbidden, clauses.Where(c => !IsForbidden(c)).ToArray());
    }

    /// <summary>Whether a clause says only that one fact is clear.</summary>
    public static bool IsForbidden(Clause clause) => clause.Set.IsEmpty && !clause.RefersToRules && clause.Clear.Count == 1;

    public bool Holds(in FactWord facts)
    {
        if (facts.Intersects(_forbidden))
        {
            return false;
        }

        foreach (var clause in _clauses)
        {
            if (!clause.Holds(facts, 0))
            {
                return false;
            }
        }

        return true;
    }
}
