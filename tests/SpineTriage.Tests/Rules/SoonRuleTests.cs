using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>The "soon" rules of clinical-criteria.md section 4, each shown firing and not firing at its boundary.</summary>
public class SoonRuleTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    [Fires("pain-after-improvement")]
    public void Pain_that_returned_after_improvement_is_soon()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.PainReturnedAfterImprovement));

        result.Urgency.Should().Be(Urgency.Soon);
        result.RuleIds().Should().Equal("pain-after-improvement");
        result.Finding("pain-after-improvement").Evidence.Should().Equal("painReturnedAfterImprovement: yes");
    }

    [Fact]
    [DoesNotFire("pain-after-improvement")]
    public void Pain_after_improvement_answered_unknown_does_not_fire()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.PainReturnedAfterImprovement));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("new-or-worsening-pain")]
    public void New_or_worsening_pain_is_soon()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.NewOrWorseningPain));

        result.Urgency.Should().Be(Urgency.Soon);
        result.Finding("new-or-worsening-pain").Evidence.Should().Equal("newOrWorseningPain: yes");
    }

    [Fact]
    [DoesNotFire("new-or-worsening-pain")]
    public void New_or_worsening_pain_answered_no_does_not_fire()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.NewOrWorseningPain));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("instability")]
    public void A_feeling_of_instability_or_movement_is_soon()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement));

        result.Urgency.Should().Be(Urgency.Soon);
        result.Finding("instability").Evidence.Should().Equal("instabilityOrMovement: yes");
    }

    [Fact]
    [DoesNotFire("instability")]
    public void Instability_answered_unknown_does_not_fire()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.InstabilityOrMovement));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("radicular-pain")]
    public void Pain_spreading_into_a_limb_is_soon()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.RadiatingLimbPain));

        result.Urgency.Should().Be(Urgency.Soon);
        result.Finding("radicular-pain").Evidence.Should().Equal("radiatingLimbPain: yes");
    }

    [Fact]
    [DoesNotFire("radicular-pain")]
    public void Radiating_pain_answered_no_does_not_fire()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.RadiatingLimbPain));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("severe-pain")]
    public void Pain_score_8_is_severe_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(8));

        result.Urgency.Should().Be(Urgency.Soon);
        result.RuleIds().Should().Equal("severe-pain");
        result.Finding("severe-pain").Evidence.Should().Equal("painScore: 8");
    }

    [Fact]
    [DoesNotFire("severe-pain")]
    public void Pain_score_7_is_not_severe_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(7));

        result.RuleIds().Should().Equal("expected-recovery");
        result.Urgency.Should().Be(Urgency.SelfCare);
    }

    [Fact]
    [Fires("severe-pain")]
    public void Pain_score_10_is_severe_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(10));

        result.Finding("severe-pain").Evidence.Should().Equal("painScore: 10");
    }

    [Fact]
    [DoesNotFire("severe-pain")]
    public void No_pain_score_is_not_severe_pain()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { PainScore = null });

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("severe-pain")]
    [DoesNotFire("severe-escalating-pain")]
    public void Severe_pain_with_worsening_answered_unknown_is_severe_pain_only()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(9).Unknown(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement));

        result.RuleIds().Should().Equal("severe-pain");
    }

    [Theory]
    [InlineData(8, "newOrWorseningPain")]
    [InlineData(8, "painReturnedAfterImprovement")]
    [InlineData(10, "newOrWorseningPain")]
    public void Severe_escalating_pain_and_severe_pain_never_fire_together(int painScore, string worseningId)
    {
        var worsening = Q.Of(worseningId);
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(painScore).Yes(worsening));

        result.RuleIds().Should().Contain("severe-escalating-pain").And.NotContain("severe-pain");
    }

    [Fact]
    [Fires("symptomatic-imaging-finding")]
    [DoesNotFire("asymptomatic-imaging-finding")]
    public void An_imaging_finding_with_a_hardware_symptom_is_symptomatic_and_soon()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.ImagingShowsHardwareProblem, Q.LumpOverHardware));

        result.Urgency.Should().Be(Urgency.Soon);
        result.RuleIds().Should().Equal("symptomatic-imaging-finding", "hardware-irritation");
        result.Finding("symptomatic-imaging-finding").Evidence.Should().Equal("imagingShowsHardwareProblem: yes", "lumpOverHardware: yes");
    }

    [Theory]
    [InlineData("newOrWorseningPain")]
    [InlineData("painReturnedAfterImprovement")]
    [InlineData("instabilityOrMovement")]
    [InlineData("radiatingLimbPain")]
    [InlineData("localizedTenderness")]
    [InlineData("painWorseWithMovement")]
    [InlineData("lumpOverHardware")]
    [Fires("symptomatic-imaging-finding")]
    public void Each_hardware_symptom_makes_an_imaging_finding_symptomatic(string hardwareSymptomId)
    {
        var hardwareSymptom = Q.Of(hardwareSymptomId);
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.ImagingShowsHardwareProblem, hardwareSymptom));

        result.RuleIds().Should().Contain("symptomatic-imaging-finding").And.NotContain("asymptomatic-imaging-finding");
        result.Urgency.Should().Be(Urgency.Soon);
    }

    [Fact]
    [DoesNotFire("symptomatic-imaging-finding")]
    [Fires("asymptomatic-imaging-finding")]
    public void An_imaging_finding_without_a_hardware_symptom_is_not_symptomatic()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied()
            .Yes(Q.ImagingShowsHardwareProblem)
            .No(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement, Q.InstabilityOrMovement, Q.RadiatingLimbPain, Q.LocalizedTenderness, Q.PainWorseWithMovement, Q.LumpOverHardware));

        result.RuleIds().Should().Equal("asymptomatic-imaging-finding");
        result.Urgency.Should().Be(Urgency.Routine);
    }

    [Fact]
    [DoesNotFire("symptomatic-imaging-finding")]
    public void A_hardware_symptom_without_an_imaging_finding_is_not_a_symptomatic_imaging_finding()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement).No(Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("instability");
    }

    [Fact]
    [DoesNotFire("symptomatic-imaging-finding")]
    public void Severe_pain_alone_is_not_a_hardware_symptom()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(9).Yes(Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("severe-pain", "asymptomatic-imaging-finding");
    }
}
