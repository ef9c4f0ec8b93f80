using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Rules;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The engine's lookup tables (<see cref="RuleTable"/>) decide exactly what testing each rule's condition
/// one at a time, in catalogue order, decides (<see cref="OneByOne"/>).
/// </summary>
public class RuleTableTests
{
    private const ulong AllFacts = (1UL << RuleTable.FactBits) - 1;
    private static readonly ulong FeverBits = FactBit.Of(FactBit.FeverPresent) | FactBit.Of(FactBit.FeverNotPresent);

    public static TheoryData<int> SeverePainScores() => [6, 7, 8, 9, 10];

    [Theory]
    [MemberData(nameof(SeverePainScores))]
    public void The_tables_fire_the_rules_that_testing_each_rule_in_order_fires(int severePainScore)
    {
        var tests = RuleCatalogue.Build(38.0m, severePainScore).Select(r => new CompiledRule(r).Test).ToArray();
        var table = new RuleTable(tests);
        var random = new Random(20261125 + severePainScore);

        foreach (var facts in Facts(random))
        {
            table.Fire(facts).Should().Be(OneByOne(tests, facts), "facts {0:x}", facts);
        }
    }

    [Fact]
    public void A_rule_that_must_not_fire_after_another_is_checked_after_the_other_is_decided()
    {
        const ulong x = 1UL << 3;
        RuleTest[] tests =
        [
            new(0, x, RuleTest.Always),                   // 0: fires on x
            new(Unless: 1UL << 0, RuleTest.Always, RuleTest.Always), // 1: unless 0 fired
            new(Unless: 1UL << 1, RuleTest.Always, RuleTest.Always), // 2: unless 1 fired
        ];
        var table = new RuleTable(tests);

        table.Fire(x | (1UL << 40)).Should().Be(0b101);
        table.Fire(1UL << 40).Should().Be(0b010);
    }

    [Fact]
    public void A_rule_fires_only_when_both_of_its_clauses_are_met()
    {
        const ulong a = 1UL << 2, b = 1UL << 44;
        var table = new RuleTable([new RuleTest(0, a, b)]);

        table.Fire(a).Should().Be(0);
        table.Fire(b).Should().Be(0);
        table.Fire(a | b).Should().Be(1);
    }

    [Fact]
    public void A_clause_met_in_several_groups_of_facts_is_met()
    {
        const ulong first = (1UL << 1) | (1UL << 30), second = (1UL << 3) | (1UL << 40);
        var table = new RuleTable([new RuleTest(0, first, second)]);

        table.Fire(first | second).Should().Be(1);
        table.Fire((1UL << 1) | second).Should().Be(1);
        table.Fire(first | (1UL << 40)).Should().Be(1);
        table.Fire(first).Should().Be(0);
    }

    [Fact]
    public void A_clause_outside_the_facts_is_refused_when_the_table_is_built()
    {
        var build = () => new RuleTable([new RuleTest(0, 1UL << RuleTable.FactBits, RuleTest.Always)]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*outside the facts*");
    }

    [Fact]
    public void An_empty_clause_is_refused_when_the_table_is_built()
    {
        var build = () => new RuleTable([new RuleTest(0, RuleTest.Always, 0)]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*outside the facts*");
    }

    [Fact]
    public void Sixty_four_rules_fit_one_word()
    {
        var tests = Enumerable.Range(0, 64).Select(i => new RuleTest(0, FactBit.Of(i % RuleTable.FactBits), RuleTest.Always)).ToArray();

        var table = new RuleTable(tests);

        table.Fire(FactBit.Of(0)).Should().Be((1UL << 0) | (1UL << RuleTable.FactBits));
        table.Fire(AllFacts).Should().Be(ulong.MaxValue);
    }

    [Fact]
    public void More_rules_than_fit_one_word_are_refused()
    {
        var build = () => new RuleTable(Enumerable.Repeat(new RuleTest(0, RuleTest.Always, RuleTest.Always), 65).ToArray());

        build.Should().Throw<InvalidOperationException>().WithMessage("*at most 64 rules*");
    }

    [Fact]
    public void A_condition_with_more_clauses_than_the_engine_tests_is_refused()
    {
        var three = When.AnyYes(QuestionId.Fever).And(When.AnyYes(QuestionId.SaddleNumbness)).And(When.AnyYes(QuestionId.CalfPainOrSwelling));

        var test = () => RuleTest.Of(three);

        test.Should().Throw<InvalidOperationException>().WithMessage("*3 clauses*");
    }

    // The meaning of a RuleTest: a rule fires when no rule of Unless above it fired and the facts meet both clauses.
    private static ulong OneByOne(RuleTest[] tests, ulong facts)
    {
        ulong fired = 0;
        for (var i = 0; i < tests.Length; i++)
        {
            var test = tests[i];
            if ((fired & test.Unless) == 0 && (facts & test.First) != 0 && (facts & test.Second) != 0)
            {
                fired |= 1UL << i;
            }
        }

        return fired;
    }

    // Facts as a report can have them: always exactly one of the two fever facts (RuleTest.Always relies on it).
    // The fewest facts, every other fact, each fact alone, each fact missing, and random words weighted towards few facts.
    private static IEnumerable<ulong> Facts(Random random)
    {
        foreach (var word in Words(random))
        {
            var fever = random.Next(2) == 0 ? FactBit.FeverPresent : FactBit.FeverNotPresent;
            yield return (word & ~FeverBits) | FactBit.Of(fever);
        }
    }

    private static IEnumerable<ulong> Words(Random random)
    {
        yield return 0;
        yield return AllFacts;
        for (var bit = 0; bit < RuleTable.FactBits; bit++)
        {
            yield return 1UL << bit;
            yield return AllFacts & ~(1UL << bit);
        }

        for (var i = 0; i < 20_000; i++)
        {
            var word = (ulong)random.NextInt64() & AllFacts;
            yield return (i % 3) switch
            {
                0 => word,
                1 => word & (ulong)random.NextInt64(),
                _ => word & (ulong)random.NextInt64() & (ulong)random.NextInt64(),
            };
        }
    }
}
