using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using SpineTriage.Validation;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Rules;

/// <summary>
/// Rule set 2.0 as a catalogue (clinical-criteria-2.0.md sections 3 to 7): its questions, asking order and
/// applicability, its rule order, its identity beside 1.0, the default, and a 1.0 engine refusing 2.0's questions.
/// </summary>
public class RuleSetTwoCatalogueTests
{
    private static readonly TriageEngine Two = ReportBuilder.EngineV2();
    private static readonly TriageEngine One = ReportBuilder.EngineV1();

    /// <summary>Section 4: id, red flag, applicability, in the full 2.0 asking order.</summary>
    private static readonly (string Id, bool RedFlag, string Applies)[] Criteria =
    [
        ("bladderOrBowelControlLoss", true, "always"),
        ("saddleNumbness", true, "always"),
        ("newOrWorseningLimbWeakness", true, "always"),
        ("neckSwellingOrAirway", true, "neck"),
        ("drowsyConfusedOrSlowBreathing", true, "always"),
        ("suddenSeverePainAfterFallOrInjury", true, "always"),
        ("recentFallOrInjury", true, "always"),
        ("fever", true, "always"),
        ("headacheWithStiffNeck", true, "early"),
        ("spinalFluidLeakSigns", true, "early"),
        ("woundDischarge", true, "always"),
        ("woundRednessOrSwelling", true, "always"),
        ("woundBleeding", true, "early"),
        ("woundOpening", true, "early"),
        ("chestPainOrBreathlessness", true, "always"),
        ("newOrWorseningLimbNumbness", true, "always"),
        ("calfPainOrSwelling", true, "always"),
        ("painNotControlled", true, "early"),
        ("newSwallowingDifficulty", true, "neck"),
        ("painReturnedAfterImprovement", false, "always"),
        ("newOrWorseningPain", false, "always"),
        ("instabilityOrMovement", false, "always"),
        ("radiatingLimbPain", false, "always"),
        ("localizedTenderness", false, "always"),
        ("painWorseWithMovement", false, "always"),
        ("lumpOverHardware", false, "always"),
        ("imagingShowsHardwareProblem", false, "always"),
    ];

    private static readonly (string Id, Urgency Urgency)[] RuleOrder =
    [
        ("cauda-equina", Urgency.Emergency), ("motor-deficit", Urgency.Emergency), ("neck-swelling-or-airway", Urgency.Emergency),
        ("reduced-alertness", Urgency.Emergency), ("infection-with-fever", Urgency.Emergency), ("possible-meningitis", Urgency.Emergency),
        ("fall-or-injury", Urgency.Emergency), ("possible-pulmonary-embolism", Urgency.Emergency),
        ("sensory-deficit", Urgency.Urgent), ("wound-signs", Urgency.Urgent), ("fever", Urgency.Urgent), ("wound-bleeding", Urgency.Urgent),
        ("wound-opening", Urgency.Urgent), ("possible-spinal-fluid-leak", Urgency.Urgent), ("headache-with-stiff-neck", Urgency.Urgent),
        ("possible-deep-vein-thrombosis", Urgency.Urgent), ("unresolved-red-flag", Urgency.Urgent), ("severe-escalating-pain", Urgency.Urgent),
        ("uncontrolled-pain", Urgency.Urgent), ("new-swallowing-difficulty", Urgency.Urgent), ("fall-within-90-days", Urgency.Urgent),
        ("pain-after-improvement", Urgency.Soon), ("new-or-worsening-pain", Urgency.Soon), ("instability", Urgency.Soon),
        ("radicular-pain", Urgency.Soon), ("severe-pain", Urgency.Soon), ("symptomatic-imaging-finding", Urgency.Soon), ("recent-fall", Urgency.Soon),
        ("hardware-irritation", Urgency.Routine), ("asymptomatic-imaging-finding", Urgency.Routine),
        ("expected-recovery", Urgency.SelfCare),
    ];

    [Fact]
    public void New_engines_run_rule_set_2_0_and_name_its_exact_version()
    {
        TriageEngineOptions.Default.RuleSet.Should().Be("2.0");
        var engine = new TriageEngine();

        engine.RuleSet.Selector.Should().Be("2.0");
        engine.RuleSet.Version.Should().Be("2.0.0");
        engine.RuleSet.Identity.Should().Be(Two.RuleSet.Identity);
        Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2()).RuleSet.Should().Be(new RuleSetIdentity("2.0.0", Two.RuleSet.Hash));
    }

    [Fact]
    public void Rule_set_1_0_is_selected_by_its_line_and_keeps_its_version_and_hash()
    {
        One.RuleSet.Selector.Should().Be("1.0");
        One.RuleSet.Version.Should().Be("1.0.1");
        One.RuleSet.Hash.Should().NotBe(Two.RuleSet.Hash);
        One.RuleSet.Questions.Should().Equal(QuestionCatalogue.All);
        One.Evaluate(ReportBuilder.AllRedFlagsDenied()).RuleSet.Version.Should().Be("1.0.1");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("1.0.1")]
    [InlineData("2.0.0")]
    [InlineData("3.0")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_rule_set_selector_is_refused_when_the_engine_is_built(string? selector)
    {
        var build = () => new TriageEngine(new TriageEngineOptions { RuleSet = selector! });

        build.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().Contain("RuleSet must be one of '1.0', '2.0'");
    }

    [Fact]
    public void The_questions_of_2_0_are_those_of_the_criteria_in_asking_order_with_their_applicability()
    {
        Two.RuleSet.Questions.Select(q => (q.JsonId, q.IsRedFlag, Applies(q))).Should().Equal(Criteria);
        Two.RuleSet.Questions.Select(q => q.Order).Should().Equal(Enumerable.Range(1, 27));
    }

    [Fact]
    public void Only_the_weakness_question_is_reworded_the_other_1_0_questions_keep_their_text()
    {
        var reworded = Two.RuleSet.Questions.Where(q => QuestionCatalogue.TryGet(q.JsonId, out var old) && old.Text != q.Text).ToArray();

        reworded.Should().ContainSingle().Which.Text.Should().Be("Do you have new or worsening weakness in an arm or a leg, new trouble walking, or clumsy hands?");
        QuestionCatalogue.Get(Q.NewOrWorseningLimbWeakness).Text.Should().Be("Do you have new or worsening weakness in an arm or a leg?");
    }

    [Fact]
    public void The_rules_of_2_0_are_in_the_order_of_the_criteria()
    {
        Two.RuleSet.Rules.Select(r => (r.Id, r.Urgency)).Should().Equal(RuleOrder);
    }

    [Fact]
    public void Every_new_rule_states_its_condition_consideration_and_source_as_the_criteria_do()
    {
        Rule("fall-within-90-days").Condition.Should().Be("recentFallOrInjury yes and suddenSeverePainAfterFallOrInjury not yes and within 90 days (days since surgery ≤ 90)");
        Rule("recent-fall").Condition.Should().Be("recentFallOrInjury yes and suddenSeverePainAfterFallOrInjury not yes and not within 90 days");
        Rule("possible-meningitis").Condition.Should().StartWith("fever present").And.EndWith("and (spinalFluidLeakSigns yes or headacheWithStiffNeck yes)");
        Rule("unresolved-red-flag").Condition.Should().StartWith("any applicable red-flag question unknown");
        Rule("symptomatic-imaging-finding").Condition.Should().EndWith("lumpOverHardware, painNotControlled or newSwallowingDifficulty yes)");
        Rule("neck-swelling-or-airway").Consideration.Should().Be("a haematoma or swelling that can block the airway after neck surgery");
        Two.RuleSet.Rules.Where(r => One.RuleSet.Find(r.Id) is null).Should().HaveCount(11)
            .And.OnlyContain(r => r.Source.Contains("Beyond SHP", StringComparison.Ordinal));

        static RuleDefinition Rule(string id) => Two.RuleSet.Find(id)!;
    }

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
    public void A_1_0_engine_rejects_an_answer_to_a_2_0_question_as_an_unknown_question()
    {
        var report = ReportBuilder.AllRedFlagsDenied().With(Q.NeckSwellingOrAirway, Answer.No);

        var errors = One.Triage(report).Errors;

        errors.Should().ContainSingle().Which.Should().Be(new ValidationError(
            "$.answers.neckSwellingOrAirway",
            ErrorCodes.UnknownQuestion,
            "unknown question id 'neckSwellingOrAirway' for rule set 1.0: it is a question of a later rule set; the question ids are listed by the question catalogue (spinetriage questions)."));
        Two.Triage(ReportBuilder.AllRedFlagsDeniedV2().With(Q.NeckSwellingOrAirway, Answer.No)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_1_0_engine_rejects_2_0_answers_in_report_JSON_with_the_reader_s_code()
    {
        const string Json = """{ "surgeryDate": "2026-09-01", "assessedOn": "2026-11-24", "answers": { "saddleNumbness": "no", "woundBleeding": "yes", "recentFallOrInjury": "unknown" } }""";

        var errors = One.TriageJson(Json).Errors;

        errors.Select(e => (e.Path, e.Code)).Should().Equal(
            ("$.answers.recentFallOrInjury", ErrorCodes.UnknownQuestion),
            ("$.answers.woundBleeding", ErrorCodes.UnknownQuestion));
        One.TriageJson("""{ "surgeryDate": "2026-09-01", "answers": { "woundBleedng": "yes" } }""").Errors
            .Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownQuestion, "a misspelt id gets the same code");
        Two.TriageJson(Json).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_report_validated_by_one_rule_set_is_refused_by_an_engine_of_the_other()
    {
        var validated = One.Validate(ReportBuilder.AllRedFlagsDenied()).GetValueOrThrow();

        var evaluate = () => Two.Evaluate(validated);

        evaluate.Should().Throw<ArgumentException>().WithParameterName("report").WithMessage("*validated for rule set 1.0*runs rule set 2.0*");
    }

    [Fact]
    public void The_safety_net_lists_the_neck_line_only_when_neck_surgery_is_possible_and_the_meningitis_line_only_early()
    {
        const string Neck = "your neck swelling gets bigger quickly, or you have trouble breathing or cannot swallow";
        const string Alertness = "you become very sleepy and hard to wake, confused, or breathe much more slowly";
        const string Meningitis = "you have a fever together with clear fluid leaking from your wound, or a fever with a bad headache and a stiff neck";

        var cervicalEarly = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10, SurgeryRegion.Cervical)).SafetyNet[0];
        var lumbarLate = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(43, SurgeryRegion.Lumbar)).SafetyNet[0];

        cervicalEarly.Should().Be("Seek emergency care at once if you develop: loss of bladder or bowel control, or being unable to pass urine; "
            + "new numbness around your genitals, buttocks or inner thighs; new or worsening weakness in an arm or a leg; "
            + $"{Neck}; {Alertness}; sudden, severe pain after a fall or an injury; a fever together with discharge, redness or swelling at your wound; "
            + $"{Meningitis}; new chest pain or sudden shortness of breath.");
        lumbarLate.Should().Contain(Alertness).And.NotContain(Neck).And.NotContain(Meningitis);
    }

    [Fact]
    public void A_present_sign_leaves_the_safety_net_and_a_combination_stays_whole_until_all_of_it_is_present()
    {
        var airway = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10, SurgeryRegion.Cervical).Yes(Q.NeckSwellingOrAirway)).SafetyNet[0];
        var leakWithoutFever = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10).Yes(Q.SpinalFluidLeakSigns)).SafetyNet[0];
        var meningitis = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(10).Yes(Q.SpinalFluidLeakSigns, Q.Fever)).SafetyNet[0];

        airway.Should().NotContain("neck swelling");
        leakWithoutFever.Should().Contain("a fever together with clear fluid leaking from your wound");
        meningitis.Should().NotContain("clear fluid leaking");
    }

    [Theory]
    [InlineData(42, true)]
    [InlineData(43, false)]
    public void Care_advice_adds_the_bowel_and_belly_line_in_the_early_period_only(int day, bool early)
    {
        var result = Two.Evaluate(ReportBuilder.AllRedFlagsDeniedV2(day) with { RiskFactors = [RiskFactor.Smoking] });

        result.CareAdvice.Any(line => line.StartsWith("Call your surgeon's team if you have not had a bowel movement for 4 days", StringComparison.Ordinal)).Should().Be(early);
        result.CareAdvice[0].Should().StartWith("Smoking");
        result.CareAdvice[^1].Should().StartWith("Keep your follow-up appointments");
        One.Evaluate(ReportBuilder.AllRedFlagsDenied().OnDay(day)).CareAdvice.Should().NotContain(line => line.Contains("bowel movement", StringComparison.Ordinal));
    }

    [Fact]
    public void The_question_catalogue_JSON_of_2_0_names_the_rule_set_and_when_a_question_applies()
    {
        var json = System.Text.Json.JsonDocument.Parse(TriageJson.SerializeQuestions(Two.RuleSet)).RootElement;

        json.GetProperty("version").GetString().Should().Be("2.0.0");
        json.GetProperty("ruleSet").GetString().Should().Be("2.0");
        var neck = json.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "neckSwellingOrAirway");
        neck.GetProperty("order").GetInt32().Should().Be(4);
        neck.GetProperty("applies").GetString().Should().StartWith("neck surgery possible");
        json.GetProperty("questions")[0].TryGetProperty("applies", out _).Should().BeFalse("a question that always applies says nothing");
        TriageJson.SerializeQuestions().Should().NotContain("ruleSet", "the 1.0 catalogue JSON is unchanged");
    }

    private static string Applies(Question question) => question.Applicability switch
    {
        "always" => "always",
        var text when text.StartsWith("neck surgery possible", StringComparison.Ordinal) => "neck",
        var text when text.StartsWith("early period", StringComparison.Ordinal) => "early",
        var text => text,
    };
}
