using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// Every rule is evaluated, not only the first that fires; findings come highest urgency first, then in
/// catalogue order, and the result's urgency is the highest urgency of any finding (contract.md, result).
/// </summary>
public class FindingOrderTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private static readonly SymptomReport ManyFindings = ReportBuilder.AllRedFlagsDenied()
        .Pain(9)
        .Yes(Q.LumpOverHardware, Q.CalfPainOrSwelling, Q.RadiatingLimbPain, Q.NewOrWorseningLimbNumbness, Q.ImagingShowsHardwareProblem, Q.SaddleNumbness)
        .Unknown(Q.ChestPainOrBreathlessness);

    [Fact]
    public void Every_rule_that_fires_is_reported_highest_urgency_first_then_in_catalogue_order()
    {
        var result = Engine.Evaluate(ManyFindings);

        result.RuleIds().Should().Equal(
            "cauda-equina",
            "sensory-deficit",
            "possible-deep-vein-thrombosis",
            "unresolved-red-flag",
            "radicular-pain",
            "severe-pain",
            "symptomatic-imaging-finding",
            "hardware-irritation");
    }

    [Fact]
    public void Findings_never_rise_in_urgency()
    {
        var result = Engine.Evaluate(ManyFindings);

        result.Findings.Select(f => f.Urgency).Should().BeInDescendingOrder();
    }

    [Fact]
    public void The_result_s_urgency_is_the_highest_urgency_of_any_finding()
    {
        var result = Engine.Evaluate(ManyFindings);

        result.Urgency.Should().Be(result.Findings.Max(f => f.Urgency)).And.Be(Urgency.Emergency);
    }

    [Fact]
    public void Findings_of_equal_urgency_follow_the_catalogue_not_the_asking_order()
    {
        // The fall question is asked before the fever question, but infection-with-fever comes first in the catalogue.
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.SuddenSeverePainAfterFallOrInjury, Q.Fever, Q.WoundDischarge));

        result.RuleIds().Should().Equal("infection-with-fever", "fall-or-injury");
    }

    [Fact]
    public void Soon_findings_follow_the_catalogue_order()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.RadiatingLimbPain, Q.InstabilityOrMovement, Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement));

        result.RuleIds().Should().Equal("pain-after-improvement", "new-or-worsening-pain", "instability", "radicular-pain");
    }

    [Fact]
    public void Each_finding_s_urgency_is_its_rule_s_urgency()
    {
        var result = Engine.Evaluate(ManyFindings);

        result.Findings.Should().AllSatisfy(f => f.Urgency.Should().Be(Engine.RuleSet.Find(f.RuleId)!.Urgency));
    }
}
