using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>The routine and self-care rules of clinical-criteria.md section 4, each shown firing and not firing at its boundary.</summary>
public class RoutineAndSelfCareRuleTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Theory]
    [InlineData("localizedTenderness", "localizedTenderness: yes")]
    [InlineData("lumpOverHardware", "lumpOverHardware: yes")]
    [InlineData("painWorseWithMovement", "painWorseWithMovement: yes")]
    [Fires("hardware-irritation")]
    public void Each_sign_of_hardware_irritation_is_routine(string signId, string evidence)
    {
        var sign = Q.Of(signId);
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(sign));

        result.Urgency.Should().Be(Urgency.Routine);
        result.RuleIds().Should().Equal("hardware-irritation");
        result.Finding("hardware-irritation").Evidence.Should().Equal(evidence);
    }

    [Fact]
    [Fires("hardware-irritation")]
    public void Several_signs_of_irritation_give_one_finding_with_evidence_in_asking_order()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.LumpOverHardware, Q.LocalizedTenderness));

        result.Finding("hardware-irritation").Evidence.Should().Equal("localizedTenderness: yes", "lumpOverHardware: yes");
    }

    [Fact]
    [DoesNotFire("hardware-irritation")]
    public void Tenderness_answered_unknown_is_not_hardware_irritation()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.LocalizedTenderness));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [DoesNotFire("hardware-irritation")]
    public void Instability_is_a_hardware_symptom_but_not_hardware_irritation()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.InstabilityOrMovement));

        result.RuleIds().Should().NotContain("hardware-irritation");
    }

    [Fact]
    [Fires("asymptomatic-imaging-finding")]
    public void An_imaging_finding_without_symptoms_is_routine()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.ImagingShowsHardwareProblem));

        result.Urgency.Should().Be(Urgency.Routine);
        result.RuleIds().Should().Equal("asymptomatic-imaging-finding");
        result.Finding("asymptomatic-imaging-finding").Evidence.Should().Equal("imagingShowsHardwareProblem: yes");
    }

    [Fact]
    [Fires("asymptomatic-imaging-finding")]
    public void Hardware_symptoms_answered_unknown_leave_an_imaging_finding_asymptomatic()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.ImagingShowsHardwareProblem).Unknown(Q.LumpOverHardware, Q.NewOrWorseningPain));

        result.RuleIds().Should().Equal("asymptomatic-imaging-finding");
    }

    [Fact]
    [DoesNotFire("asymptomatic-imaging-finding")]
    public void Imaging_answered_no_is_not_an_imaging_finding()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [DoesNotFire("asymptomatic-imaging-finding")]
    public void Imaging_answered_unknown_is_not_an_imaging_finding()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("expected-recovery")]
    public void Every_red_flag_answered_no_is_expected_recovery()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied());

        result.Urgency.Should().Be(Urgency.SelfCare);
        result.Findings.Should().ContainSingle().Which.RuleId.Should().Be("expected-recovery");
        result.Finding("expected-recovery").Evidence.Should().BeEmpty();
    }

    [Fact]
    [Fires("expected-recovery")]
    public void Moderate_pain_with_every_red_flag_denied_is_expected_recovery()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Pain(7).No(Q.NewOrWorseningPain));

        result.RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [DoesNotFire("expected-recovery")]
    public void A_routine_finding_replaces_expected_recovery()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.PainWorseWithMovement));

        result.RuleIds().Should().Equal("hardware-irritation");
    }

    [Fact]
    [DoesNotFire("expected-recovery")]
    public void An_unresolved_red_flag_replaces_expected_recovery()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.WoundRednessOrSwelling));

        result.RuleIds().Should().Equal("unresolved-red-flag");
    }

    [Fact]
    [Fires("expected-recovery")]
    public void Risk_factors_alone_keep_a_report_at_expected_recovery()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied() with { RiskFactors = Enum.GetValues<RiskFactor>() });

        result.RuleIds().Should().Equal("expected-recovery");
    }
}
