using FluentAssertions;
using FluentAssertions.Execution;
using SpineTriage.TestSupport;
using SpineTriage.TestSupport.Floors;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// The engine against an independent reading of each shipped rule set's criteria (the hand-coded floors in
/// <see cref="Floor"/>, written from clinical-criteria*.md, not from the rule set): on generated reports of every rule set
/// and every edge of the thresholds, the same urgency, the same fired rules in the same order, and the same completeness.
/// </summary>
[Trait("Category", "Safety")]
public class CriteriaAgreementTests
{
    private const int Count = 10_000;

    [Theory]
    [MemberData(nameof(ShippedRuleSet.Selectors), MemberType = typeof(ShippedRuleSet))]
    public void Every_shipped_rule_set_has_an_independent_reading_of_its_criteria(string selector)
    {
        Floor.Covers(selector).Should().BeTrue("a shipped rule set is compared with its criteria read independently");
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.SelectorsWithFloor), MemberType = typeof(ShippedRuleSet))]
    public void The_engine_decides_every_generated_report_as_the_criteria_read_independently(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);
        var reports = ruleSet.Sample(20261207, PropertyRuns.Scaled(Count));

        using var scope = new AssertionScope();
        for (var i = 0; i < reports.Length; i++)
        {
            var engine = ruleSet.Engines[i % ruleSet.Engines.Length];
            var expected = ShippedRuleSet.ByTheCriteria(engine, reports[i]);

            var result = engine.Evaluate(reports[i]);

            var because = $"report {i} with fever threshold {engine.Options.FeverThresholdCelsius} °C, severe pain {engine.Options.SeverePainScore}: {ReportGen.Print(reports[i])}";
            result.Urgency.Should().Be(expected.Urgency, because);
            result.Findings.Select(f => f.RuleId).Should().Equal(expected.RuleIds, because);
            result.IsComplete.Should().Be(expected.IsComplete, because);
            if (scope.HasFailures())
            {
                return;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSet.SelectorsWithFloor), MemberType = typeof(ShippedRuleSet))]
    public void The_generated_reports_make_every_rule_of_the_rule_set_fire(string selector)
    {
        var ruleSet = ShippedRuleSet.For(selector);

        var fired = ruleSet.Sample(20261207, Count).SelectMany(r => ShippedRuleSet.ByTheCriteria(ruleSet.Engine, r).RuleIds).ToHashSet();

        fired.Should().BeEquivalentTo(ruleSet.Engine.RuleSet.Rules.Select(r => r.Id));
    }
}
