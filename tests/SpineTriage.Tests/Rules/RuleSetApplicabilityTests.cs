using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// When a question applies (clinical-criteria-2.0.md sections 4 to 7; under rule set 1.0 every question always applies):
/// the applicability matrix by region and day, the fall question as a red flag within 90 days, an applicable red flag left
/// unknown, and the safety net, care advice and question catalogue that follow applicability.
/// </summary>
public class RuleSetApplicabilityTests
{
    private static readonly TriageEngine Two = ReportBuilder.EngineV2();
    private static readonly TriageEngine One = ReportBuilder.EngineV1();

    [Theory]
    [InlineData(SurgeryRegion.Cervical, 12, true, true, "neck surgery possible: surgeryRegion cervical", "early period: day 12 ≤ 42")]
    [InlineData(null, 42, true, true, "neck surgery possible: surgeryRegion not given", "early period: day 42 ≤ 42")]
    [InlineData(SurgeryRegion.Lumbar, 43, false, false, "neck surgery not possible: surgeryRegion lumbar", "not early period: day 43 > 42")]
    [InlineData(SurgeryRegion.Thoracic, 0, false, true, "neck surgery not possible: surgeryRegion thoracic", "early period: day 0 ≤ 42")]
    [InlineData(SurgeryRegion.Sacral, 400, false, false, "neck surgery not possible: surgeryRegion sacral", "not early period: day 400 > 42")]
    public void The_applicability_matrix_says_which_questions_apply_and_why(SurgeryRegion? region, int day, bool neck, bool early, string neckReason, string earlyReason)
    {
        foreach (var question in Two.RuleSet.Questions)
        {
            var applicability = Two.RuleSet.Applicability(question.Id, region, day);
            var (applies, reason) = Applies(question) switch
            {
                "neck" => (neck, neckReason),
                "early" => (early, earlyReason),
                _ => (true, "always"),
            };

            var redFlag = question.IsRedFlag && (question.Id != Q.RecentFallOrInjury || day <= 90);
            applicability.Should().Be(new QuestionApplicability(question.Id, applies, redFlag, reason), question.JsonId);
        }
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void The_fall_question_counts_as_a_red_flag_only_within_90_days_where_its_yes_alone_is_urgent(int day, bool redFlag)
    {
        Two.RuleSet.Questions.Single(q => q.Id == Q.RecentFallOrInjury).RedFlagApplicability.Should().Be("within 90 days (days since surgery ≤ 90)");
        Two.RuleSet.Applicability(Q.RecentFallOrInjury, SurgeryRegion.Lumbar, day).IsRedFlag.Should().Be(redFlag);
        var unknown = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(day, SurgeryRegion.Lumbar).Unknown(Q.RecentFallOrInjury));
        var yes = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(day, SurgeryRegion.Lumbar).Yes(Q.RecentFallOrInjury));

        unknown.IsComplete.Should().Be(!redFlag);
        unknown.Urgency.Should().Be(redFlag ? Urgency.Urgent : Urgency.SelfCare);
        yes.Urgency.Code().Should().BeGreaterThanOrEqualTo(unknown.Urgency.Code(), "a yes never gives less than don't know");
    }

    [Fact]
    public void Applicability_of_a_validated_report_lists_every_question_in_asking_order()
    {
        var report = Two.Validate(ReportBuilder.AllRedFlagsDeniedV2(43, SurgeryRegion.Lumbar)).GetValueOrThrow();

        var applicability = Two.RuleSet.Applicability(report);

        applicability.Select(a => a.Question).Should().Equal(Two.RuleSet.Questions.Select(q => q.Id));
        applicability.Where(a => !a.Applies).Select(a => a.Question).Should().Equal(
            Q.NeckSwellingOrAirway, Q.HeadacheWithStiffNeck, Q.SpinalFluidLeakSigns, Q.WoundBleeding, Q.WoundOpening, Q.PainNotControlled, Q.NewSwallowingDifficulty);
    }

    [Fact]
    public void Every_question_of_1_0_always_applies_and_2_0_questions_are_not_questions_of_1_0()
    {
        One.RuleSet.Applicability(Q.SaddleNumbness, SurgeryRegion.Lumbar, 400).Should().Be(new QuestionApplicability(Q.SaddleNumbness, true, true, "always"));
        One.RuleSet.Has(Q.NeckSwellingOrAirway).Should().BeFalse();
        var ask = () => One.RuleSet.Applicability(Q.NeckSwellingOrAirway, null, 1);
        ask.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_safety_net_lists_the_neck_line_only_when_neck_surgery_is_possible_and_the_meningitis_line_only_early()
    {
        const string Neck = "The swelling in your neck gets bigger fast, or you have trouble breathing, or you cannot swallow.";
        const string Alertness = "You become very sleepy and hard to wake, or confused, or you breathe much more slowly.";
        const string Meningitis = "You have a fever and clear fluid leaking from your wound. Or you have a fever, a bad headache and a stiff neck.";

        var cervicalEarly = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10, SurgeryRegion.Cervical)).SafetyNet;
        var lumbarLate = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(43, SurgeryRegion.Lumbar)).SafetyNet;

        cervicalEarly.Should().Equal(
            "Get emergency care at once if any of these happens:",
            "You lose control of your bladder or bowels, or you cannot pass urine.",
            "You have new numbness around your genitals, buttocks or inner thighs.",
            "You have new or worse weakness in an arm or a leg.",
            Neck,
            Alertness,
            "You have sudden, severe pain after a fall or an injury.",
            "You have a fever, and fluid, redness or swelling at your wound.",
            Meningitis,
            "You have new chest pain, or you are suddenly short of breath.",
            "If your symptoms change, get worse or you are worried, contact your surgeon's team or the nurse line again.");
        lumbarLate.Should().HaveCount(9).And.Contain(Alertness).And.NotContain(Neck).And.NotContain(Meningitis);
    }

    [Fact]
    public void A_present_sign_leaves_the_safety_net_and_a_combination_stays_whole_until_all_of_it_is_present()
    {
        const string Meningitis = "You have a fever and clear fluid leaking from your wound. Or you have a fever, a bad headache and a stiff neck.";
        var airway = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10, SurgeryRegion.Cervical).Yes(Q.NeckSwellingOrAirway)).SafetyNet;
        var leakWithoutFever = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10).Yes(Q.SpinalFluidLeakSigns)).SafetyNet;
        var meningitis = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10).Yes(Q.SpinalFluidLeakSigns, Q.Fever)).SafetyNet;

        airway.Should().HaveCount(10).And.NotContain(line => line.Contains("swelling in your neck"));
        leakWithoutFever.Should().Contain(Meningitis);
        meningitis.Should().HaveCountGreaterThan(2).And.NotContain(Meningitis);
    }

    [Theory]
    [InlineData(42, true)]
    [InlineData(43, false)]
    public void Care_advice_adds_the_bowel_and_belly_line_in_the_early_period_only(int day, bool early)
    {
        var result = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(day) with { RiskFactors = [RiskFactor.Smoking] });

        result.CareAdvice.Any(line => line.StartsWith("Call your surgeon's team if you have not had a bowel movement for 4 days", StringComparison.Ordinal)).Should().Be(early);
        result.CareAdvice[0].Should().StartWith("Smoking");
        result.CareAdvice[^1].Should().StartWith("Go to all your check-ups");
        One.Evaluate(ReportBuilder.AllRedFlagsDenied().OnDay(day)).CareAdvice.Should().NotContain(line => line.Contains("bowel movement", StringComparison.Ordinal));
    }

    [Fact]
    public void The_question_catalogue_JSON_of_2_0_names_the_rule_set_and_when_a_question_applies()
    {
        var json = System.Text.Json.JsonDocument.Parse(TriageJson.SerializeQuestions(Two.RuleSet)).RootElement;

        json.GetProperty("version").GetString().Should().Be("2.1.0");
        json.GetProperty("ruleSet").GetString().Should().Be("2.0");
        var neck = json.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "neckSwellingOrAirway");
        neck.GetProperty("order").GetInt32().Should().Be(4);
        neck.GetProperty("applies").GetString().Should().StartWith("neck surgery possible");
        json.GetProperty("questions")[0].TryGetProperty("applies", out _).Should().BeFalse("a question that always applies says nothing");
        TriageJson.SerializeQuestions().Should().NotContain("ruleSet", "the 1.0 catalogue JSON is unchanged");
    }

    [Fact]
    [Fires("unresolved-red-flag")]
    public void The_airway_question_left_unknown_is_unresolved_unless_the_operation_included_no_part_of_the_neck()
    {
        var report = ReportBuilder.AllRedFlagsDeniedV2(100).Unknown(Q.NeckSwellingOrAirway);

        Two.Evaluate(report with { SurgeryRegion = SurgeryRegion.Lumbar }).RuleIds().Should().Equal("expected-recovery");
        Two.Evaluate(report with { SurgeryRegion = SurgeryRegion.Cervical }).RuleIds().Should().Equal("unresolved-red-flag");
        Two.Evaluate(report with { SurgeryRegion = null }).RuleIds().Should().Equal("unresolved-red-flag");
    }

    [Theory]
    [InlineData(42, false)]
    [InlineData(43, true)]
    public void The_headache_question_left_unknown_is_unresolved_on_day_42_and_does_not_apply_on_day_43(int day, bool complete)
    {
        var result = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(day, SurgeryRegion.Lumbar).Unknown(Q.HeadacheWithStiffNeck));

        result.IsComplete.Should().Be(complete);
        result.RuleIds().Should().Equal(complete ? "expected-recovery" : "unresolved-red-flag");
        result.UnansweredQuestions.Should().Equal(complete ? [] : [Q.HeadacheWithStiffNeck]);
    }

    [Fact]
    public void The_red_flag_condition_reads_any_red_flag_in_1_0_where_every_question_applies_and_any_applicable_one_in_2_0()
    {
        ReportBuilder.EngineV1().RuleSet.Find("unresolved-red-flag")!.Condition.Should().StartWith("any red-flag question unknown");
        Two.RuleSet.Find("unresolved-red-flag")!.Condition.Should().StartWith("any applicable red-flag question unknown");
    }

    private static string Applies(Question question) => question.Applicability switch
    {
        "always" => "always",
        var text when text.StartsWith("neck surgery possible", StringComparison.Ordinal) => "neck",
        var text when text.StartsWith("early period", StringComparison.Ordinal) => "early",
        var text => text,
    };
}
