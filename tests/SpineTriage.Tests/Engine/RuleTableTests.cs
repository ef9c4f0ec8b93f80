using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

using Q = QuestionId;

/// <summary>
/// The engine's compiled rules (<see cref="ConditionCompiler"/> and the lookup tables of <see cref="RuleTable"/>)
/// decide exactly what reading each rule's condition tree, one rule at a time in catalogue order, decides
/// (<see cref="ConditionInterpreter.Holds"/>).
/// </summary>
public class RuleTableTests
{
    public static TheoryData<int> SeverePainScores() => [6, 7, 8, 9, 10];

    [Theory]
    [MemberData(nameof(SeverePainScores))]
    public void The_tables_fire_the_rules_of_rule_set_1_0_that_reading_each_condition_in_order_fires(int severePainScore)
    {
        var compiled = new CompiledRuleSet(RuleCatalogue.Build(38.0m, severePainScore), QuestionCatalogue.All, 38.0m);

        foreach (var facts in GeneratedFacts.For(compiled.Layout, 20261125 + severePainScore, 20_000))
        {
            compiled.Table.Fire(facts.Word).Should().Be(OneByOne(compiled, facts), "facts {0}", facts.Word);
        }
    }

    [Theory]
    [MemberData(nameof(SeverePainScores))]
    public void The_tables_fire_the_rules_of_rule_set_2_0_that_reading_each_condition_in_order_fires(int severePainScore)
    {
        var compiled = new CompiledRuleSet(RuleSetEdition.Two.Build(38.0m, severePainScore), RuleSetEdition.Two.Questions, 38.0m);
        var firings = new int[compiled.Rules.Count];

        foreach (var facts in GeneratedFacts.For(compiled.Layout, 20261129 + severePainScore, 20_000))
        {
            var fired = OneByOne(compiled, facts);
            compiled.Table.Fire(facts.Word).Should().Be(fired, "facts {0}", facts.Word);
            Count(firings, fired);
        }

        firings.Should().OnlyContain(n => n > 0 && n < 20_000, "every rule of 2.0 fires on some facts and not on others: {0}", string.Join(", ", firings));
    }

    [Theory]
    [InlineData(37.5, 6)]
    [InlineData(38.0, 8)]
    [InlineData(39.5, 10)]
    public void The_engine_s_tables_decide_as_the_conditions_read_on_generated_2_0_reports(double feverThreshold, int severePainScore)
    {
        // Reports with every 2.0 answer, regions (cervical, others, not given) and days at 42/43 and 90/91, read by an
        // engine of 2.0 (its layout also holds the safety net's and the advice's facts).
        var engine = ReportBuilder.EngineV2(new TriageEngineOptions { FeverThresholdCelsius = (decimal)feverThreshold, SeverePainScore = severePainScore });
        var compiled = new CompiledRuleSet(
            RuleSetEdition.Two.Build((decimal)feverThreshold, severePainScore),
            RuleSetEdition.Two.Questions,
            (decimal)feverThreshold);
        var firings = new int[compiled.Rules.Count];

        foreach (var report in ReportGen.SampleV2((uint)severePainScore, 5_000))
        {
            var validated = engine.Validate(report).GetValueOrThrow();
            var facts = compiled.Layout.Read(validated.Facts, validated.DaysSinceSurgery, report.SurgeryRegion, validated.RiskFactorMask);
            var fired = OneByOne(compiled, facts);
            compiled.Table.Fire(facts.Word).Should().Be(fired, "for {0}", ReportGen.Print(report));
            engine.Evaluate(validated).RuleIds().Should().Equal(Fired(compiled, fired), "the engine fires what the conditions say, for {0}", ReportGen.Print(report));
            Count(firings, fired);
        }

        compiled.Rules.Where((_, i) => firings[i] == 0).Select(r => r.Rule.Id).Should().BeEmpty("every rule of 2.0 fires on some generated report");
    }

    [Fact]
    public void The_tables_fire_the_rules_that_reading_each_condition_in_order_fires_for_every_kind_of_condition()
    {
        var rules = new RuleList();
        rules.Add(Rule("a", Urgency.Emergency, When.Any(When.All(When.Yes(Q.Fever), When.Not(When.Yes(Q.SaddleNumbness))), When.DaysSinceSurgery(10, 20))));
        rules.Add(Rule("b", Urgency.Urgent, When.All(When.Unknown(Q.CalfPainOrSwelling), When.No(Q.WoundDischarge), When.Not(When.Region(SurgeryRegion.Lumbar, SurgeryRegion.Sacral)))));
        rules.Add(Rule("none-above", Urgency.Urgent, When.All(When.NoRuleAboveFired, When.Not(When.Yes(Q.LumpOverHardware)))));
        rules.Add(Rule("c", Urgency.Urgent, When.Any(When.Fired("a"), When.All(When.RiskFactor(RiskFactor.Smoking), When.Fever(Presence.Unknown, 38.0m)))));
        rules.Add(Rule("d", Urgency.Soon, When.Not(When.Any(When.PainScoreAtLeast(4), When.Fever(Presence.Absent, 38.0m), When.DaysSinceSurgery(min: 100)))));
        rules.Add(Rule("e", Urgency.Soon, When.Any(When.DidNotFire("b"), When.RegionNotGiven, When.Not(When.DaysSinceSurgery(max: 42)))));
        rules.Add(Rule("f", Urgency.Routine, When.All(When.AnyApplicableRedFlagUnresolved, When.Not(When.All(When.Fired("c"), When.Fired("d"))))));
        rules.Add(Rule("g", Urgency.Routine, When.Any(When.All(When.Yes(Q.LumpOverHardware), When.Yes(Q.LocalizedTenderness)), When.All(When.Yes(Q.RadiatingLimbPain), When.Not(When.HardwareSymptom)), When.PainScoreAtLeast(0))));
        var compiled = new CompiledRuleSet(rules.Rules, QuestionCatalogue.All, 38.0m);

        compiled.Table.SlotCount.Should().BeGreaterThan(2, "the general path of the tables is tested too");
        var firings = new int[rules.Rules.Count];
        foreach (var facts in GeneratedFacts.For(compiled.Layout, 1125, 20_000))
        {
            var fired = OneByOne(compiled, facts);
            compiled.Table.Fire(facts.Word).Should().Be(fired, "facts {0}", facts.Word);
            for (var rule = 0; rule < firings.Length; rule++)
            {
                firings[rule] += (int)((fired >> rule) & 1);
            }
        }

        firings.Should().OnlyContain(n => n > 0 && n < 20_000, "every rule fires on some facts and not on others: {0}", string.Join(", ", firings));
    }

    [Fact]
    public void A_rule_that_must_not_fire_after_another_is_checked_after_the_other_is_decided()
    {
        var rules = new RuleList();
        rules.Add(Rule("first", Urgency.Urgent, When.Yes(Q.Fever)));
        rules.Add(Rule("second", Urgency.Urgent, When.DidNotFire("first")));
        rules.Add(Rule("third", Urgency.Urgent, When.DidNotFire("second")));
        var compiled = new CompiledRuleSet(rules.Rules, QuestionCatalogue.All, 38.0m);

        compiled.Table.Fire(Word(compiled, Q.Fever)).Should().Be(0b101);
        compiled.Table.Fire(Word(compiled)).Should().Be(0b010);
    }

    [Fact]
    public void The_layout_holds_the_facts_of_the_engines_other_conditions_as_well_as_those_of_the_rules()
    {
        // The safety net's and the advice's conditions are compiled against the rule set's layout, so it must hold
        // their facts too, though no rule names them (here the day bounds 10 and 20).
        var rules = new RuleList();
        rules.Add(Rule("a", Urgency.Urgent, When.Yes(Q.Fever)));
        var other = When.DaysSinceSurgery(10, 20);
        var compiled = new CompiledRuleSet(rules.Rules, QuestionCatalogue.All, 38.0m, [other]);
        var test = FactTest.Of(ConditionCompiler.CompileFacts(other, compiled.Layout));

        test.Holds(OnDay(compiled, 15)).Should().BeTrue();
        test.Holds(OnDay(compiled, 21)).Should().BeFalse();
        test.Holds(OnDay(compiled, 9)).Should().BeFalse();
        var withoutIt = new CompiledRuleSet(rules.Rules, QuestionCatalogue.All, 38.0m);
        withoutIt.Invoking(c => ConditionCompiler.CompileFacts(other, c.Layout)).Should().Throw<InvalidOperationException>().WithMessage("*day bound*");
    }

    [Fact]
    public void Sixty_four_rules_fit_one_word()
    {
        var rules = new RuleList();
        for (var i = 0; i < 64; i++)
        {
            rules.Add(Rule($"rule-{i}", Urgency.Routine, When.Yes((Q)(i % QuestionCatalogue.Count))));
        }

        var compiled = new CompiledRuleSet(rules.Rules, QuestionCatalogue.All, 38.0m);

        compiled.Table.Fire(Word(compiled, (Q)0)).Should().Be(Enumerable.Range(0, 64).Where(i => i % QuestionCatalogue.Count == 0).Aggregate(0UL, (m, i) => m | (1UL << i)));
        compiled.Table.Fire(Word(compiled, Enum.GetValues<Q>())).Should().Be(ulong.MaxValue);
    }

    [Fact]
    public void More_rules_than_fit_one_word_are_refused()
    {
        var build = () => new RuleTable(Enumerable.Repeat<IReadOnlyList<Clause>>([], 65).ToArray());

        build.Should().Throw<InvalidOperationException>().WithMessage("*at most 64 rules*");
    }

    [Fact]
    public void A_rule_that_depends_on_a_rule_below_it_is_refused()
    {
        var build = () => new RuleTable([[new Clause(default, default, Fired: 1UL << 1, NotFired: 0)], []]);

        build.Should().Throw<InvalidOperationException>().WithMessage("*catalogue order*");
    }

    // The meaning of the rule set: each rule's condition read against the facts, in catalogue order.
    private static ulong OneByOne(CompiledRuleSet compiled, in Facts facts)
    {
        ulong fired = 0;
        foreach (var rule in compiled.Rules)
        {
            fired |= ConditionInterpreter.Holds(rule.Rule.When, facts, fired, rule.Scope) ? 1UL << rule.Scope.Index : 0;
        }

        return fired;
    }

    private static void Count(int[] firings, ulong fired)
    {
        for (var rule = 0; rule < firings.Length; rule++)
        {
            firings[rule] += (int)((fired >> rule) & 1);
        }
    }

    private static IEnumerable<string> Fired(CompiledRuleSet compiled, ulong fired) =>
        compiled.Rules.Where(r => (fired & (1UL << r.Scope.Index)) != 0).Select(r => r.Rule.Id);

    private static FactWord Word(CompiledRuleSet compiled, params Q[] yes) => OnDay(compiled, 100, yes);

    // The questions of yes answered yes, every other no, pain score 2, a lumbar operation days ago.
    private static FactWord OnDay(CompiledRuleSet compiled, int days, params Q[] yes)
    {
        var mask = yes.Aggregate(0u, (m, q) => m | (1u << (int)q));
        var no = ~mask & ((1u << QuestionCatalogue.Count) - 1);
        return compiled.Layout.Read(new ReportFacts(mask, no, 2, null, 0m), days, SurgeryRegion.Lumbar, 0).Word;
    }

    internal static Rule Rule(string id, Urgency urgency, Condition when) => new(id, urgency)
    {
        Title = id,
        When = when,
        Consideration = "test",
        Source = "test",
        PatientExplanation = "test",
    };
}
