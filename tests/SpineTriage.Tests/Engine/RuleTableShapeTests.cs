using FluentAssertions;
using SpineTriage.Engine.Internal;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// <see cref="RuleTable"/> built from clauses written here, for every shape of table (no slot, one, two, more) and facts
/// in both halves of the word, checked against reading the clauses one rule at a time in catalogue order (mutation
/// run 7: <c>RuleTable</c>). The rule sets' own tables are checked in <c>RuleTableTests</c>.
/// </summary>
public class RuleTableShapeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_shape_of_table_fires_what_the_clauses_say_on_facts_in_both_halves_of_the_word(int slots)
    {
        // Rule 0: `slots` clauses of one fact each (low and high word, bit 127) and two forbidden facts in different
        // groups; rule 1: a forbidden fact at bit 64; rule 2: one clause of two facts (none in the table without slots).
        var setBits = new[] { 2, 66, 127 }[..slots];
        var rules = new IReadOnlyList<Clause>[]
        {
            [.. setBits.Select(b => Set(b)), Forbid(5), Forbid(100)],
            [Forbid(64)],
            slots == 0 ? [] : [Set(2) | Set(70)],
        };
        var table = new RuleTable(rules);
        var bits = setBits.Concat([5, 100, 64, 70]).Distinct().ToArray();

        table.SlotCount.Should().Be(slots);
        for (var combination = 0; combination < 1 << bits.Length; combination++)
        {
            var word = bits.Where((_, i) => (combination & (1 << i)) != 0).Aggregate(FactWord.Empty, (w, b) => w | FactWord.Bit(b));

            table.Fire(word).Should().Be(Reference(rules, word), "facts {0}, {1} slots", word, slots);
        }
    }

    [Fact]
    public void A_clause_of_a_fact_or_a_rule_that_did_not_fire_is_not_an_unless_clause()
    {
        // Rule 1 fires when fact 2 is set or rule 0 did not fire: with both rule 0 fired and fact 2 set, it fires.
        var rules = new IReadOnlyList<Clause>[] { [Set(1)], [new Clause(FactWord.Bit(2), default, 0, NotFired: 1)], [new Clause(default, FactWord.Bit(3), 0, NotFired: 0b10)] };
        var table = new RuleTable(rules);

        foreach (var word in Enumerable.Range(0, 8).Select(c => new FactWord((ulong)c << 1, 0)))
        {
            table.Fire(word).Should().Be(Reference(rules, word), "facts {0}", word);
        }

        table.Fire(FactWord.Bit(1) | FactWord.Bit(2)).Should().Be(0b111);
        table.Fire(FactWord.Bit(1) | FactWord.Bit(3)).Should().Be(0b101, "rule 1 did not fire, so rule 2 holds though fact 3 is set");
    }

    [Fact]
    public void An_empty_catalogue_fires_nothing()
    {
        var table = new RuleTable([]);

        table.SlotCount.Should().Be(0);
        table.Fire(FactWord.Bit(3)).Should().Be(0);
        table.AllRules.Should().Be(0);
    }

    [Fact]
    public void Sixty_four_rules_without_slots_fire_unless_their_fact_is_set()
    {
        var table = new RuleTable([.. Enumerable.Range(0, 64).Select(i => (IReadOnlyList<Clause>)[Forbid(i)])]);

        table.AllRules.Should().Be(ulong.MaxValue);
        table.Fire(FactWord.Empty).Should().Be(ulong.MaxValue);
        table.Fire(FactWord.Bit(5) | FactWord.Bit(63)).Should().Be(~((1UL << 5) | (1UL << 63)));
    }

    [Fact]
    public void Three_rules_without_slots_fire_no_rule_beyond_the_third()
    {
        var table = new RuleTable([[Forbid(0)], [Forbid(1)], [Forbid(70)]]);

        table.AllRules.Should().Be(0b111);
        table.Fire(FactWord.Empty).Should().Be(0b111);
        table.Fire(FactWord.Bit(0) | FactWord.Bit(1) | FactWord.Bit(70)).Should().Be(0);
    }

    [Theory]
    [InlineData(1, 1)] // itself
    [InlineData(1, 2)] // a rule below
    [InlineData(2, 3)]
    public void A_rule_after_the_first_that_names_itself_or_a_rule_below_is_refused_even_in_its_second_clause(int rule, int named)
    {
        var rules = Enumerable.Range(0, 4).Select(i => (IReadOnlyList<Clause>)(i == rule
            ? [Set(i), new Clause(default, default, Fired: 1UL << named, NotFired: 0)]
            : [Set(i)])).ToArray();

        var build = () => new RuleTable(rules);

        build.Should().Throw<InvalidOperationException>().WithMessage($"Rule {rule} depends on itself or on a rule below it*");
    }

    [Fact]
    public void A_rule_that_names_only_rules_above_it_is_accepted()
    {
        var table = new RuleTable([[Set(0)], [Set(1)], [Set(2), new Clause(default, default, Fired: 0b01, NotFired: 0b10)]]);

        // Rule 2: fact 2, and rule 0 fired or rule 1 did not.
        table.Fire(FactWord.Bit(0) | FactWord.Bit(2)).Should().Be(0b101);
        table.Fire(FactWord.Bit(2)).Should().Be(0b100, "rule 1 did not fire");
        table.Fire(FactWord.Bit(1) | FactWord.Bit(2)).Should().Be(0b010, "rule 0 did not fire and rule 1 did");
    }

    // The meaning of a table: each rule's clauses read in catalogue order, given the rules above that fired.
    private static ulong Reference(IReadOnlyList<Clause>[] rules, in FactWord word)
    {
        ulong fired = 0;
        for (var rule = 0; rule < rules.Length; rule++)
        {
            var holds = true;
            foreach (var clause in rules[rule])
            {
                holds &= clause.Holds(word, fired);
            }

            fired |= holds ? 1UL << rule : 0;
        }

        return fired;
    }

    private static Clause Set(int bit) => new(FactWord.Bit(bit), default, 0, 0);

    private static Clause Forbid(int bit) => new(default, FactWord.Bit(bit), 0, 0);
}
