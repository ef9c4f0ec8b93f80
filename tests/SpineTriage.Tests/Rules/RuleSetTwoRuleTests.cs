using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// The eleven rules rule set 2.0 adds (clinical-criteria-2.0.md section 5), each shown firing and not firing at its
/// edges: day 42 and 43, day 90 and 91, region cervical, lumbar and not given, fever present, absent and unknown.
/// </summary>
public class RuleSetTwoRuleTests
{
    private static readonly Temperature Febrile = Temperature.Celsius(38.4m);
    private static readonly Temperature Normal = Temperature.Celsius(36.9m);

    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV2();

    private static SymptomReport Denied(int day = 84, SurgeryRegion? region = null) => ReportBuilder.AllRedFlagsDeniedV2(day, region);

    [Fact]
    public void A_report_with_every_red_flag_of_2_0_denied_is_expected_recovery()
    {
        var result = Engine.Evaluate(Denied());

        result.RuleIds().Should().Equal("expected-recovery");
        result.IsComplete.Should().BeTrue();
        result.RuleSet.Version.Should().Be("2.1.0");
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical)]
    [InlineData(SurgeryRegion.Lumbar)]
    [InlineData(null)]
    [Fires("neck-swelling-or-airway")]
    public void Neck_swelling_or_airway_trouble_is_an_emergency_whatever_the_region(SurgeryRegion? region)
    {
        var result = Engine.Evaluate(Denied(300, region).Yes(Q.NeckSwellingOrAirway));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.Finding("neck-swelling-or-airway").Evidence.Should().Equal("neckSwellingOrAirway: yes");
    }

    [Fact]
    [DoesNotFire("neck-swelling-or-airway")]
    public void Neck_swelling_answered_no_or_unknown_is_not_an_airway_emergency()
    {
        Engine.Evaluate(Denied(region: SurgeryRegion.Cervical)).RuleIds().Should().NotContain("neck-swelling-or-airway");
        var unknown = Engine.Evaluate(Denied(region: SurgeryRegion.Cervical).Unknown(Q.NeckSwellingOrAirway));

        unknown.RuleIds().Should().Equal("unresolved-red-flag");
        unknown.Finding("unresolved-red-flag").Evidence.Should().Equal("neckSwellingOrAirway: unknown");
    }

    [Fact]
    [Fires("reduced-alertness")]
    public void Very_sleepy_confused_or_slow_breathing_is_an_emergency()
    {
        var result = Engine.Evaluate(Denied(400, SurgeryRegion.Lumbar).Yes(Q.DrowsyConfusedOrSlowBreathing));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds().Should().Equal("reduced-alertness");
    }

    [Fact]
    [DoesNotFire("reduced-alertness")]
    [Fires("unresolved-red-flag")]
    public void Reduced_alertness_unknown_is_an_unresolved_red_flag_at_any_day_and_region()
    {
        var result = Engine.Evaluate(Denied(400, SurgeryRegion.Lumbar).Unknown(Q.DrowsyConfusedOrSlowBreathing));

        result.RuleIds().Should().Equal("unresolved-red-flag");
        result.IsComplete.Should().BeFalse();
    }

    [Theory]
    [InlineData("spinalFluidLeakSigns")]
    [InlineData("headacheWithStiffNeck")]
    [Fires("possible-meningitis")]
    [DoesNotFire("possible-spinal-fluid-leak")]
    [DoesNotFire("headache-with-stiff-neck")]
    public void Fever_with_spinal_fluid_signs_or_a_headache_with_stiff_neck_is_possible_meningitis(string signId)
    {
        var sign = Q.Of(signId);
        var answered = Engine.Evaluate(Denied(10).Yes(sign, Q.Fever));
        var measured = Engine.Evaluate(Denied(10).Yes(sign).Measured(Febrile));

        answered.Urgency.Should().Be(Urgency.Emergency);
        answered.RuleIds().Should().Equal("possible-meningitis", "fever");
        measured.RuleIds().Should().Contain("possible-meningitis").And.NotContain(["possible-spinal-fluid-leak", "headache-with-stiff-neck"]);
        measured.Finding("possible-meningitis").Evidence.Should().Contain("temperature: 38.4 °C");
    }

    [Fact]
    [Fires("possible-spinal-fluid-leak")]
    [DoesNotFire("possible-meningitis")]
    public void Spinal_fluid_signs_without_fever_are_a_possible_leak_with_fever_absent_or_unknown()
    {
        var absent = Engine.Evaluate(Denied(10).Yes(Q.SpinalFluidLeakSigns).Measured(Normal));
        var unknown = Engine.Evaluate(Denied(10).Yes(Q.SpinalFluidLeakSigns).Unknown(Q.Fever));

        absent.RuleIds().Should().Equal("possible-spinal-fluid-leak");
        absent.Urgency.Should().Be(Urgency.Urgent);
        unknown.RuleIds().Should().Equal("possible-spinal-fluid-leak", "unresolved-red-flag");
    }

    [Fact]
    [Fires("headache-with-stiff-neck")]
    [DoesNotFire("possible-meningitis")]
    public void A_headache_with_stiff_neck_without_fever_is_urgent_with_fever_absent_or_unknown()
    {
        var absent = Engine.Evaluate(Denied(10).Yes(Q.HeadacheWithStiffNeck));
        var unknown = Engine.Evaluate(Denied(10).Yes(Q.HeadacheWithStiffNeck).Without(Q.Fever));

        absent.RuleIds().Should().Equal("headache-with-stiff-neck");
        unknown.RuleIds().Should().Equal("headache-with-stiff-neck", "unresolved-red-flag");
        unknown.Finding("unresolved-red-flag").Evidence.Should().Equal("fever: not asked");
    }

    [Fact]
    [DoesNotFire("possible-spinal-fluid-leak")]
    [DoesNotFire("headache-with-stiff-neck")]
    public void Fever_alone_in_the_early_period_fires_neither_leak_nor_headache_rule()
    {
        Engine.Evaluate(Denied(10).Yes(Q.Fever)).RuleIds().Should().Equal("fever");
    }

    [Theory]
    [InlineData(42)]
    [InlineData(43)]
    [InlineData(400)]
    [Fires("possible-meningitis")]
    public void A_yes_to_an_early_question_after_the_early_period_still_counts(int day)
    {
        Engine.Evaluate(Denied(day).Yes(Q.SpinalFluidLeakSigns, Q.Fever)).Urgency.Should().Be(Urgency.Emergency);
    }

    [Fact]
    [Fires("wound-bleeding")]
    public void A_bleeding_wound_is_urgent()
    {
        var result = Engine.Evaluate(Denied(5).Yes(Q.WoundBleeding));

        result.RuleIds().Should().Equal("wound-bleeding");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    [DoesNotFire("wound-bleeding")]
    public void Wound_bleeding_unknown_on_day_42_is_unresolved_and_on_day_43_does_not_apply()
    {
        Engine.Evaluate(Denied(42).Unknown(Q.WoundBleeding)).RuleIds().Should().Equal("unresolved-red-flag");
        var late = Engine.Evaluate(Denied(43).Unknown(Q.WoundBleeding));

        late.RuleIds().Should().Equal("expected-recovery");
        late.IsComplete.Should().BeTrue("the question does not apply after day 42");
    }

    [Fact]
    [Fires("wound-opening")]
    [DoesNotFire("wound-bleeding")]
    public void An_opened_wound_is_urgent()
    {
        var result = Engine.Evaluate(Denied(20).Yes(Q.WoundOpening));

        result.RuleIds().Should().Equal("wound-opening");
    }

    [Fact]
    [DoesNotFire("wound-opening")]
    public void A_wound_answered_not_opened_gives_no_wound_opening_finding()
    {
        Engine.Evaluate(Denied(20).No(Q.WoundOpening)).RuleIds().Should().Equal("expected-recovery");
    }

    [Fact]
    [Fires("uncontrolled-pain")]
    [Fires("symptomatic-imaging-finding")]
    [DoesNotFire("asymptomatic-imaging-finding")]
    public void Pain_not_controlled_is_urgent_and_counts_as_a_hardware_symptom()
    {
        var result = Engine.Evaluate(Denied(30).Yes(Q.PainNotControlled, Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("uncontrolled-pain", "symptomatic-imaging-finding");
        result.Finding("symptomatic-imaging-finding").Evidence.Should().Equal("imagingShowsHardwareProblem: yes", "painNotControlled: yes");
    }

    [Fact]
    [DoesNotFire("uncontrolled-pain")]
    [Fires("asymptomatic-imaging-finding")]
    public void Pain_controlled_is_not_uncontrolled_pain_and_no_hardware_symptom()
    {
        Engine.Evaluate(Denied(30).Yes(Q.ImagingShowsHardwareProblem)).RuleIds().Should().Equal("asymptomatic-imaging-finding");
    }

    [Fact]
    [Fires("new-swallowing-difficulty")]
    [Fires("symptomatic-imaging-finding")]
    public void Swallowing_getting_worse_is_urgent_and_counts_as_a_hardware_symptom()
    {
        var result = Engine.Evaluate(Denied(200, SurgeryRegion.Cervical).Yes(Q.NewSwallowingDifficulty, Q.ImagingShowsHardwareProblem));

        result.RuleIds().Should().Equal("new-swallowing-difficulty", "symptomatic-imaging-finding");
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical, false)]
    [InlineData(null, false)]
    [InlineData(SurgeryRegion.Lumbar, true)]
    [DoesNotFire("new-swallowing-difficulty")]
    public void Swallowing_unknown_is_unresolved_unless_neck_surgery_is_not_possible(SurgeryRegion? region, bool complete)
    {
        var result = Engine.Evaluate(Denied(200, region).Unknown(Q.NewSwallowingDifficulty));

        result.RuleIds().Should().NotContain("new-swallowing-difficulty");
        result.IsComplete.Should().Be(complete);
        result.Urgency.Should().Be(complete ? Urgency.SelfCare : Urgency.Urgent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [Fires("fall-within-90-days")]
    [DoesNotFire("recent-fall")]
    public void A_fall_without_sudden_severe_pain_up_to_day_90_is_urgent(int day)
    {
        var result = Engine.Evaluate(Denied(day).Yes(Q.RecentFallOrInjury));

        result.RuleIds().Should().Equal("fall-within-90-days");
        result.Urgency.Should().Be(Urgency.Urgent);
    }

    [Theory]
    [InlineData(91)]
    [InlineData(1000)]
    [Fires("recent-fall")]
    [DoesNotFire("fall-within-90-days")]
    public void A_fall_without_sudden_severe_pain_after_day_90_is_soon(int day)
    {
        var result = Engine.Evaluate(Denied(day).Yes(Q.RecentFallOrInjury));

        result.RuleIds().Should().Equal("recent-fall");
        result.Urgency.Should().Be(Urgency.Soon);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(91)]
    [DoesNotFire("fall-within-90-days")]
    [DoesNotFire("recent-fall")]
    [Fires("fall-or-injury")]
    public void A_fall_with_sudden_severe_pain_is_the_emergency_of_1_0_and_neither_fall_rule(int day)
    {
        var result = Engine.Evaluate(Denied(day).Yes(Q.RecentFallOrInjury, Q.SuddenSeverePainAfterFallOrInjury));

        result.RuleIds().Should().Equal("fall-or-injury");
    }

    [Fact]
    [Fires("fall-within-90-days")]
    [Fires("unresolved-red-flag")]
    public void A_fall_with_sudden_severe_pain_unknown_is_a_fall_and_an_unresolved_red_flag()
    {
        var result = Engine.Evaluate(Denied(30).Yes(Q.RecentFallOrInjury).Unknown(Q.SuddenSeverePainAfterFallOrInjury));

        result.RuleIds().Should().Equal("unresolved-red-flag", "fall-within-90-days");
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void Unresolved_red_flag_names_the_applicable_unknown_red_flags_in_2_0_asking_order()
    {
        var report = Denied(10, SurgeryRegion.Cervical)
            .Unknown(Q.NewSwallowingDifficulty, Q.WoundBleeding, Q.NeckSwellingOrAirway, Q.BladderOrBowelControlLoss);

        var result = Engine.Evaluate(report);

        result.UnansweredQuestions.Should().Equal(Q.BladderOrBowelControlLoss, Q.NeckSwellingOrAirway, Q.WoundBleeding, Q.NewSwallowingDifficulty);
        result.Finding("unresolved-red-flag").Evidence.Should().Equal(
            "bladderOrBowelControlLoss: unknown", "neckSwellingOrAirway: unknown", "woundBleeding: unknown", "newSwallowingDifficulty: unknown");
    }

    [Fact]
    [DoesNotFire("unresolved-red-flag")]
    public void A_lumbar_report_after_day_42_leaves_the_neck_and_early_questions_out_and_is_complete()
    {
        var report = Denied(43, SurgeryRegion.Lumbar) with { PainScore = 1, Temperature = Temperature.Celsius(36.8m) };
        report = report with { Answers = report.Answers.WithNotGivenAs(Answer.No, ReportBuilder.QuestionsV2) };
        foreach (var question in new[] { Q.NeckSwellingOrAirway, Q.NewSwallowingDifficulty, Q.HeadacheWithStiffNeck, Q.SpinalFluidLeakSigns, Q.WoundBleeding, Q.WoundOpening, Q.PainNotControlled })
        {
            report = report.Without(question);
        }

        var result = Engine.Evaluate(report);

        result.RuleIds().Should().Equal("expected-recovery");
        result.IsComplete.Should().BeTrue();
        result.UnansweredQuestions.Should().BeEmpty();
        result.IsSettled.Should().BeTrue("no question that applies is left, and one that does not apply is never asked");
    }
}
