using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The cases of the stand-in tests written before rule set 2.0 existed (2.0 conditions over 1.0 questions given the new
/// questions' roles) that the 2.0 rule tests did not already state, moved onto the real 2.0 catalogue: the airway
/// question unknown by region, the headache question unknown at day 42 and 43, and the wording of the red-flag condition
/// in each rule set.
/// </summary>
public class RuleSetTwoApplicabilityTests
{
    private TriageEngine Engine { get; } = ReportBuilder.EngineV2();

    [Fact]
    [Fires("unresolved-red-flag")]
    public void The_airway_question_left_unknown_is_unresolved_unless_the_operation_included_no_part_of_the_neck()
    {
        var report = ReportBuilder.AllRedFlagsDeniedV2(100).Unknown(Q.NeckSwellingOrAirway);

        Engine.Evaluate(report with { SurgeryRegion = SurgeryRegion.Lumbar }).RuleIds().Should().Equal("expected-recovery");
        Engine.Evaluate(report with { SurgeryRegion = SurgeryRegion.Cervical }).RuleIds().Should().Equal("unresolved-red-flag");
        Engine.Evaluate(report with { SurgeryRegion = null }).RuleIds().Should().Equal("unresolved-red-flag");
    }

    [Theory]
    [InlineData(42, false)]
    [InlineData(43, true)]
    public void The_headache_question_left_unknown_is_unresolved_on_day_42_and_does_not_apply_on_day_43(int day, bool complete)
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(day, SurgeryRegion.Lumbar).Unknown(Q.HeadacheWithStiffNeck));

        result.IsComplete.Should().Be(complete);
        result.RuleIds().Should().Equal(complete ? "expected-recovery" : "unresolved-red-flag");
        result.UnansweredQuestions.Should().Equal(complete ? [] : [Q.HeadacheWithStiffNeck]);
    }

    [Fact]
    public void The_red_flag_condition_reads_any_red_flag_in_1_0_where_every_question_applies_and_any_applicable_one_in_2_0()
    {
        ReportBuilder.EngineV1().RuleSet.Find("unresolved-red-flag")!.Condition.Should().StartWith("any red-flag question unknown");
        Engine.RuleSet.Find("unresolved-red-flag")!.Condition.Should().StartWith("any applicable red-flag question unknown");
    }
}
