using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The guards that keep a rule catalogue well formed while it is declared (<see cref="RuleList"/>): they
/// protect the authors of a rule set, so they are tested here with internal access.
/// </summary>
public class RuleListTests
{
    [Fact]
    public void Rules_are_kept_in_the_order_they_are_declared()
    {
        var rules = new RuleList();

        rules.Add(NewRule("first", Urgency.Urgent));
        rules.Add(NewRule("second", Urgency.Urgent));
        rules.Add(NewRule("third", Urgency.Routine));

        rules.Rules.Select(r => r.Id).Should().Equal("first", "second", "third");
    }

    [Fact]
    public void A_rule_id_declared_twice_is_refused()
    {
        var rules = new RuleList();
        rules.Add(NewRule("fever", Urgency.Urgent));

        var again = () => rules.Add(NewRule("fever", Urgency.Soon));

        again.Should().Throw<InvalidOperationException>().WithMessage("Rule id fever is declared twice.");
        rules.Rules.Should().ContainSingle();
    }

    [Fact]
    public void Rules_may_be_declared_in_any_order_of_urgency_and_in_any_number()
    {
        var rules = new RuleList();
        rules.Add(NewRule("soon", Urgency.Soon));
        rules.Add(NewRule("urgent", Urgency.Urgent));
        for (var i = 0; i < 100; i++)
        {
            rules.Add(NewRule($"rule-{i}", Urgency.Routine));
        }

        rules.Rules.Should().HaveCount(102);
        rules.Rules.Select(r => r.Id).Take(2).Should().Equal("soon", "urgent");
    }

    [Fact]
    public void The_urgency_is_the_highest_of_the_rules_that_fired_and_findings_list_it_first_whatever_the_catalogue_order()
    {
        var harness = new RuleHarness(
            null,
            ("routine", Urgency.Routine, When.Yes(QuestionId.LocalizedTenderness)),
            ("soon", Urgency.Soon, When.Yes(QuestionId.NewOrWorseningPain)),
            ("urgent", Urgency.Urgent, When.Yes(QuestionId.WoundDischarge)),
            ("routine-too", Urgency.Routine, When.Yes(QuestionId.LumpOverHardware)),
            ("self-care", Urgency.SelfCare, When.NoRuleAboveFired));
        var report = ReportBuilder.AllRedFlagsDenied()
            .Yes(QuestionId.LocalizedTenderness, QuestionId.NewOrWorseningPain, QuestionId.WoundDischarge, QuestionId.LumpOverHardware);

        var (urgency, findings) = harness.Evaluate(report);

        urgency.Should().Be(Urgency.Urgent);
        findings.Should().Equal("urgent", "soon", "routine", "routine-too");
        harness.Evaluate(ReportBuilder.AllRedFlagsDenied()).Urgency.Should().Be(Urgency.SelfCare);
    }

    [Fact]
    public void A_rule_may_refer_to_an_earlier_rule()
    {
        var rules = new RuleList();
        rules.Add(NewRule("first", Urgency.Urgent));

        rules.Add(NewRule("second", Urgency.Urgent, When.All(When.Yes(QuestionId.Fever), When.Not(When.Any(When.Fired("first"))))));

        rules.Rules.Should().HaveCount(2);
    }

    [Fact]
    public void A_reference_to_a_rule_not_yet_declared_is_refused()
    {
        var rules = new RuleList();
        rules.Add(NewRule("first", Urgency.Urgent));

        var reference = () => rules.Add(NewRule("second", Urgency.Urgent, When.Any(When.Yes(QuestionId.Fever), When.DidNotFire("later"))));

        reference.Should().Throw<InvalidOperationException>().WithMessage("Rule later must be declared before a rule that depends on it.");
        rules.Rules.Should().ContainSingle();
    }

    [Fact]
    public void A_rule_that_refers_to_itself_is_refused()
    {
        var rules = new RuleList();

        var reference = () => rules.Add(NewRule("self", Urgency.Urgent, When.Fired("self")));

        reference.Should().Throw<InvalidOperationException>().WithMessage("Rule self must be declared before*");
    }

    private static Rule NewRule(string id, Urgency urgency, Condition? when = null) => new(id, urgency)
    {
        Title = id,
        When = when ?? When.Yes(QuestionId.Fever),
        Consideration = "test",
        Source = "test",
        PatientExplanation = "test",
    };
}
