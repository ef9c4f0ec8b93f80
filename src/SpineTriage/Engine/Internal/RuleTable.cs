namespace SpineTriage.Engine.Internal;

/// <summary>
/// Every rule's condition compiled into lookup tables, so the engine tests all rules at once with a few
/// table reads instead of one test per rule. The facts word (<see cref="Facts.Bits"/>) is read in groups of
/// six bits; for each group and each of its 64 values, the tables hold the rules whose first (and
/// second) clause that value meets. A rule's clause is met when any group meets it, so OR-ing the entries of
/// the report's groups gives the rules whose clauses are met; rules that must not fire after others
/// (<see cref="RuleTest.Unless"/>) are then checked in catalogue order.
/// <c>RuleTableTests</c> holds the tables equal to testing each rule, one at a time, in catalogue order.
/// </summary>
internal sealed class RuleTable
{
    /// <summary>The number of bits of <see cref="Facts.Bits"/> that facts can occupy.</summary>
    public const int FactBits = FactBit.PainAtLeast + 11;

    private const ulong AllFacts = (1UL << FactBits) - 1;
    private const int GroupBits = 6;
    private const int GroupValues = 1 << GroupBits;
    private const int Groups = (FactBits + GroupBits - 1) / GroupBits;

    private readonly ulong[] _first = new ulong[Groups * GroupValues];
    private readonly ulong[] _second = new ulong[Groups * GroupValues];
    private readonly ulong _withoutFirst;
    private readonly ulong _withoutSecond;
    private readonly (int Rule, ulong Unless)[] _exclusive;

    public RuleTable(IReadOnlyList<RuleTest> tests)
    {
        if (tests.Count > 64)
        {
            throw new InvalidOperationException($"The engine evaluates at most 64 rules; the catalogue has {tests.Count}.");
        }

        for (var rule = 0; rule < tests.Count; rule++)
        {
            Add(_first, tests[rule].First, rule);
            Add(_second, tests[rule].Second, rule);
        }

        _withoutFirst = RulesWhere(tests, test => test.First == RuleTest.Always);
        _withoutSecond = RulesWhere(tests, test => test.Second == RuleTest.Always);

        // Only rules above count, as when each rule is tested in catalogue order: "no rule above fired" names every rule.
        _exclusive = tests.Select((test, rule) => (rule, Unless: test.Unless & ((1UL << rule) - 1))).Where(r => r.Unless != 0).ToArray();
    }

    /// <summary>The rules that fire on a report with these facts: bit <c>i</c> for the rule at catalogue index <c>i</c>.</summary>
    public ulong Fire(ulong facts)
    {
        var first = _withoutFirst;
        var second = _withoutSecond;
        for (var group = 0; group < Groups; group++)
        {
            var entry = (group * GroupValues) + (int)((facts >> (group * GroupBits)) & (GroupValues - 1));
            first |= _first[entry];
            second |= _second[entry];
        }

        var fired = first & second;
        foreach (var (rule, unless) in _exclusive)
        {
            if ((fired & unless) != 0)
            {
                fired &= ~(1UL << rule);
            }
        }

        return fired;
    }

    /// <summary>The rules (bit <c>i</c> for rule <c>i</c>) whose test matches <paramref name="predicate"/>.</summary>
    private static ulong RulesWhere(IReadOnlyList<RuleTest> tests, Func<RuleTest, bool> predicate) =>
        Enumerable.Range(0, tests.Count).Where(rule => predicate(tests[rule])).Aggregate(0UL, (rules, rule) => rules | (1UL << rule));

    /// <summary>Enters a clause of <paramref name="rule"/> in a table; a rule without the clause (<see cref="RuleTest.Always"/>) is not entered.</summary>
    private static void Add(ulong[] table, ulong clause, int rule)
    {
        if (clause == RuleTest.Always)
        {
            return;
        }

        if (clause == 0 || (clause & ~AllFacts) != 0)
        {
            throw new InvalidOperationException($"Rule {rule} has a clause outside the facts: {clause:x}.");
        }

        for (var entry = 0; entry < table.Length; entry++)
        {
            var values = (ulong)(entry % GroupValues) << ((entry / GroupValues) * GroupBits);
            if ((values & clause) != 0)
            {
                table[entry] |= 1UL << rule;
            }
        }
    }
}
