using FluentAssertions;
using SpineTriage.Engine.Internal;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

using Q = QuestionId;

/// <summary>
/// The corners of <see cref="ConditionCompiler"/>, <see cref="FactTest"/> and the evidence of
/// <see cref="ConditionInterpreter"/> that the rule sets do not reach (mutation run 7): tautologies, thresholds
/// outside the pain scale, negated "unknown" and "no rule above fired", the clause limit, fact tests with
/// forbidden facts, and evidence in a given asking order. Rules are checked against reading their condition trees
/// (<see cref="RuleHarness"/>).
/// </summary>
public class ConditionCompilerTests
{
    private static readonly FactLayout Layout = new(QuestionCatalogue.All, [], 38.0m);

    [Fact]
    public void A_condition_that_always_holds_compiles_to_no_clause()
    {
        ConditionCompiler.CompileFacts(When.Any(When.Yes(Q.Fever), When.Not(When.Yes(Q.Fever))), Layout).Should().BeEmpty();

        var scope = new RuleScope(1, new Dictionary<string, int> { ["a"] = 0, ["b"] = 1 });
        ConditionCompiler.Compile(When.Any(When.Fired("a"), When.DidNotFire("a")), Layout, scope).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_can_name_only_a_rule_declared_before_it()
    {
        var scope = new RuleScope(1, new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2 });

        scope.IndexOf("a").Should().Be(0);
        foreach (var id in new[] { "b", "c", "missing" })
        {
            scope.Invoking(s => s.IndexOf(id)).Should().Throw<InvalidOperationException>().WithMessage($"Rule {id} must be declared before a rule that depends on it.");
        }
    }

    [Fact]
    public void A_pain_threshold_above_the_scale_never_holds()
    {
        var harness = new RuleHarness(null, ("over", Urgency.Routine, When.PainScoreAtLeast(11)), ("not-over", Urgency.Routine, When.Not(When.PainScoreAtLeast(11))));

        // The fever question left unknown: "red flag unresolved" is the bit after the pain scores.
        foreach (var pain in new int?[] { null, 0, 10 })
        {
            var report = ReportBuilder.AllRedFlagsDenied().With(Q.Fever, Answer.Unknown) with { PainScore = pain };

            harness.Fire(report).Should().ContainSingle("pain score {0}", pain).Which.Should().Be("not-over");
        }
    }

    [Fact]
    public void A_question_s_applicability_cannot_depend_on_unresolved_red_flags_or_on_rules()
    {
        var unresolved = () => ConditionCompiler.CompileFacts(When.AnyApplicableRedFlagUnresolved, Layout);
        var fired = () => ConditionCompiler.CompileFacts(When.Fired("a"), Layout);
        var above = () => ConditionCompiler.CompileFacts(When.NoRuleAboveFired, Layout);

        unresolved.Should().Throw<InvalidOperationException>().WithMessage("*cannot depend on unresolved red flags*");
        fired.Should().Throw<InvalidOperationException>().WithMessage("*cannot depend on rules*");
        above.Should().Throw<InvalidOperationException>().WithMessage("*cannot depend on rules*");
    }

    [Fact]
    public void Some_rule_above_fired_is_the_negation_of_no_rule_above_fired()
    {
        var harness = new RuleHarness(
            null,
            ("zero", Urgency.Emergency, When.Yes(Q.SaddleNumbness)),
            ("a", Urgency.Urgent, When.Yes(Q.Fever)),
            ("c", Urgency.Urgent, When.All(When.Yes(Q.CalfPainOrSwelling), When.Not(When.NoRuleAboveFired))),
            ("d", Urgency.Urgent, When.All(When.Yes(Q.CalfPainOrSwelling), When.NoRuleAboveFired)));

        harness.Fire(Yes(Q.CalfPainOrSwelling, Q.Fever)).Should().Equal("a", "c");
        harness.Fire(Yes(Q.CalfPainOrSwelling, Q.SaddleNumbness)).Should().Equal("zero", "c");
        harness.Fire(Yes(Q.CalfPainOrSwelling)).Should().Equal("d");
        harness.Fire(Yes(Q.Fever)).Should().Equal("a");
    }

    [Fact]
    public void Not_unknown_holds_for_an_answer_and_not_fever_unknown_for_an_answer_or_a_temperature()
    {
        var harness = new RuleHarness(
            null,
            ("answered", Urgency.Routine, When.Not(When.Unknown(Q.Fever))),
            ("fever-known", Urgency.Routine, When.Not(When.Fever(Presence.Unknown, 38.0m))));
        var unknown = ReportBuilder.AllRedFlagsDenied().With(Q.Fever, Answer.Unknown);

        harness.Fire(unknown).Should().BeEmpty();
        harness.Fire(unknown with { Temperature = Temperature.Celsius(37.0m) }).Should().Equal("fever-known");
        harness.Fire(ReportBuilder.AllRedFlagsDenied()).Should().Equal("answered", "fever-known");
        harness.Fire(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever)).Should().Equal("answered", "fever-known");
    }

    [Fact]
    public void A_condition_of_exactly_4096_clauses_is_compiled()
    {
        var pairs = Enumerable.Range(0, 12).Select(i => When.All(When.Yes((Q)i), When.No((Q)(i + 1)))).ToArray();

        ConditionCompiler.CompileFacts(When.Any(pairs), Layout).Should().HaveCount(ConditionCompiler.MaxClauses);
    }

    [Fact]
    public void A_fact_test_holds_when_every_clause_holds_forbidden_facts_included()
    {
        var notFever = FactTest.Of(ConditionCompiler.CompileFacts(When.Not(When.Yes(Q.Fever)), Layout));
        var notBoth = FactTest.Of(ConditionCompiler.CompileFacts(When.Not(When.All(When.Yes(Q.Fever), When.Yes(Q.CalfPainOrSwelling))), Layout));
        static FactWord Word(params Q[] yes) => yes.Aggregate(FactWord.Empty, (word, q) => word | FactWord.Bit(Layout.YesBit(q)));

        notFever.Holds(Word()).Should().BeTrue();
        notFever.Holds(Word(Q.Fever)).Should().BeFalse();
        notFever.Holds(Word(Q.CalfPainOrSwelling)).Should().BeTrue();
        notBoth.Holds(Word(Q.Fever)).Should().BeTrue("only one of the two is set");
        notBoth.Holds(Word(Q.CalfPainOrSwelling)).Should().BeTrue();
        notBoth.Holds(Word(Q.Fever, Q.CalfPainOrSwelling)).Should().BeFalse();
    }

    [Fact]
    public void A_fact_test_cannot_depend_on_rules_even_in_one_clause_of_several()
    {
        var of = () => FactTest.Of([new Clause(FactWord.Bit(1), default, 0, 0), new Clause(default, default, Fired: 1, NotFired: 0)]);

        of.Should().Throw<InvalidOperationException>().WithMessage("*cannot depend on rules*");
    }

    [Fact]
    public void Evidence_cites_answers_in_the_asking_order_given_and_questions_not_asked_last()
    {
        var both = (1u << (int)Q.Fever) | (1u << (int)Q.CalfPainOrSwelling);
        var facts = Layout.Read(new ReportFacts(both, 0, -1, null, 0m), 10, null, 0);
        var either = When.Any(When.Yes(Q.Fever), When.Yes(Q.CalfPainOrSwelling));
        var scope = new RuleScope(0, new Dictionary<string, int>());

        ConditionInterpreter.Evidence(either, facts, 0, scope, [Q.CalfPainOrSwelling, Q.Fever]).Should().Equal("calfPainOrSwelling: yes", "fever: yes");
        ConditionInterpreter.Evidence(either, facts, 0, scope, [Q.Fever, Q.CalfPainOrSwelling]).Should().Equal("fever: yes", "calfPainOrSwelling: yes");
        ConditionInterpreter.Evidence(either, facts, 0, scope, [Q.CalfPainOrSwelling]).Should().Equal("calfPainOrSwelling: yes", "fever: yes");
    }

    [Fact]
    public void Evidence_of_fever_unknown_says_so()
    {
        var facts = Layout.Read(new ReportFacts(0, 0, -1, null, 0m), 10, null, 0);

        ConditionInterpreter.Evidence(When.Fever(Presence.Unknown, 38.0m), facts, 0, new RuleScope(0, new Dictionary<string, int>()), [Q.Fever])
            .Should().Equal("fever: unknown");
    }

    private static SymptomReport Yes(params Q[] questions) => ReportBuilder.AllRedFlagsDenied().Yes(questions);
}
