using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using SpineTriage.TestSupport.Floors;
using SpineTriage.Validation;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Floors;

/// <summary>
/// The hand-coded floor of rule set 3.0 (<see cref="HandCodedTriageThree"/>), tested on its own against
/// clinical-criteria-3.0.md: issue 28's vignettes, and every new or changed rule firing and not firing at its edges
/// (days 14 and 15, 42 and 43, 90 and 91; cervical, lumbar and no region; fever present, absent and unknown; pain 7 and
/// 8). Every expectation here is read from the criteria, not from the floor. Once the engine runs 3.0, the floor is the
/// independent reading it is compared with (CriteriaAgreementTests).
/// </summary>
public class RuleSetThreeFloorTests
{
    private static readonly Temperature Febrile = Temperature.Celsius(38.4m);

    /// <summary>A report on day <paramref name="day"/> with every red flag of rule set 3.0 that applies there answered no (fever no).</summary>
    private static SymptomReport Denied(int day = 120, SurgeryRegion? region = SurgeryRegion.Lumbar) => new()
    {
        SurgeryDate = ReportBuilder.Today.AddDays(-day),
        AssessedOn = ReportBuilder.Today,
        SurgeryRegion = region,
        Answers = AnswerSet.From(HandCodedTriageThree.AskingOrder
            .Where(q => HandCodedTriageThree.IsRedFlagFor(q, region, day))
            .Select(q => KeyValuePair.Create(q, Answer.No))),
    };

    private static FloorResult Decide(SymptomReport report) => HandCodedTriageThree.Decide(report, ReportBuilder.Today);

    public static TheoryData<int, SurgeryRegion?> DaysAndRegions()
    {
        var data = new TheoryData<int, SurgeryRegion?>();
        foreach (var day in new[] { 0, 14, 15, 42, 43, 90, 91, 400 })
        {
            foreach (var region in new SurgeryRegion?[] { SurgeryRegion.Cervical, SurgeryRegion.Lumbar, null })
            {
                data.Add(day, region);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DaysAndRegions))]
    public void A_report_with_every_applicable_red_flag_denied_is_expected_recovery_and_complete(int day, SurgeryRegion? region)
    {
        var result = Decide(Denied(day, region));

        result.Urgency.Should().Be(Urgency.SelfCare);
        result.RuleIds.Should().Equal("expected-recovery");
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void The_floor_has_the_32_questions_and_37_rules_of_3_0_in_the_criteria_s_orders()
    {
        HandCodedTriageThree.AskingOrder.Should().HaveCount(32).And.OnlyHaveUniqueItems();
        HandCodedTriageThree.AskingOrder.Take(6).Should().Equal(
            Q.BladderOrBowelControlLoss, Q.SaddleNumbness, Q.NewOrWorseningLimbWeakness, Q.NeckSwellingOrAirway, Q.DrowsyConfusedOrSlowBreathing, Q.StrokeOrSeizureSigns);
        HandCodedTriageThree.AskingOrder.Should().EndWith([Q.NoBowelMovementFourDays, Q.HoarseVoiceTwoWeeks, Q.ImagingShowsHardwareProblem]);
        HandCodedTriageThree.NewQuestions.Should().BeSubsetOf(HandCodedTriageThree.AskingOrder).And.HaveCount(5);
        HandCodedTriageThree.RuleIds.Should().HaveCount(37).And.OnlyHaveUniqueItems();
        HandCodedTriageThree.RuleIds.Should().ContainInOrder(
            "motor-deficit", "possible-epidural-haematoma", "neck-swelling-or-airway", "reduced-alertness", "stroke-or-seizure", "infection-with-fever");
        HandCodedTriageThree.RuleIds.Should().ContainInOrder("headache-with-stiff-neck", "severe-headache", "possible-deep-vein-thrombosis");
        HandCodedTriageThree.RuleIds.Should().ContainInOrder("fall-within-90-days", "belly-swollen-or-vomiting", "pain-after-improvement");
        HandCodedTriageThree.RuleIds.Should().ContainInOrder("recent-fall", "no-bowel-movement", "hardware-irritation");
        HandCodedTriageThree.RuleIds.Should().ContainInOrder("asymptomatic-imaging-finding", "persistent-hoarseness", "expected-recovery");
    }

    // Issue 28's vignettes, each as 3.0 decides it.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Day_4_after_anterior_neck_fusion_a_suddenly_weak_and_slurred_voice_is_an_emergency(bool alsoCalledAStrokeSign)
    {
        var report = Denied(4, SurgeryRegion.Cervical).Yes(Q.NeckSwellingOrAirway);
        report = alsoCalledAStrokeSign ? report.Yes(Q.StrokeOrSeizureSigns) : report;

        var result = Decide(report);

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds.Should().Equal(alsoCalledAStrokeSign ? ["neck-swelling-or-airway", "stroke-or-seizure"] : ["neck-swelling-or-airway"]);
    }

    [Fact]
    public void Day_6_after_neck_fusion_a_drooping_face_and_slurred_speech_is_a_stroke_or_seizure_emergency()
    {
        var result = Decide(Denied(6, SurgeryRegion.Cervical).Yes(Q.StrokeOrSeizureSigns));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds.Should().Equal("stroke-or-seizure");
    }

    [Fact]
    public void Day_5_on_opioids_no_stool_for_5_days_a_swollen_painful_belly_and_vomiting_is_urgent()
    {
        var report = Denied(5, SurgeryRegion.Lumbar).Yes(Q.BellySwollenOrVomiting, Q.NoBowelMovementFourDays) with { RiskFactors = [RiskFactor.MultiLevelSurgery] };

        var result = Decide(report);

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds.Should().Equal("belly-swollen-or-vomiting", "no-bowel-movement");
    }

    [Fact]
    public void Day_9_after_lumbar_fusion_pain_9_and_worsening_with_new_numbness_in_both_legs_is_a_possible_epidural_haematoma()
    {
        var report = Denied(9, SurgeryRegion.Lumbar).Yes(Q.NewOrWorseningLimbNumbness, Q.NewOrWorseningPain) with { PainScore = 9 };

        var result = Decide(report);

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds.Should().Equal("possible-epidural-haematoma", "sensory-deficit", "severe-escalating-pain", "new-or-worsening-pain");
    }

    [Theory]
    [InlineData("strokeOrSeizureSigns", Urgency.Emergency, "stroke-or-seizure")]
    [InlineData("chestPainOrBreathlessness", Urgency.Emergency, "possible-pulmonary-embolism")]
    [InlineData("newSevereHeadache", Urgency.Urgent, "severe-headache")]
    [InlineData("calfPainOrSwelling", Urgency.Urgent, "possible-deep-vein-thrombosis")]
    public void A_seizure_coughing_up_blood_a_severe_new_headache_and_a_swollen_ankle_or_arm_are_now_asked_and_decided(string questionId, Urgency urgency, string rule)
    {
        var question = Q.Of(questionId);
        var result = Decide(Denied(20, SurgeryRegion.Thoracic).Yes(question));

        result.Urgency.Should().Be(urgency);
        result.RuleIds.Should().Equal(rule);
    }

    [Fact]
    public void Day_2_a_few_pink_spots_on_the_dressing_with_38_1_C_is_urgent_fever_not_an_ambulance()
    {
        // The narrowed woundDischarge question says a few pink spots in the first days are normal: the patient answers no.
        var report = Denied(2, SurgeryRegion.Lumbar) with { Temperature = Temperature.Celsius(38.1m) };

        var result = Decide(report);

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds.Should().Equal("fever");
    }

    [Fact]
    public void Day_3_after_neck_surgery_the_usual_stiff_sore_neck_answered_no_to_the_narrowed_headache_question_is_self_care()
    {
        Decide(Denied(3, SurgeryRegion.Cervical)).RuleIds.Should().Equal("expected-recovery");
    }

    [Fact]
    public void Expected_tenderness_on_day_5_is_not_asked_but_a_volunteered_yes_still_counts()
    {
        HandCodedTriageThree.AppliesTo(Q.LocalizedTenderness, SurgeryRegion.Lumbar, 5).Should().BeFalse();
        HandCodedTriageThree.AppliesTo(Q.PainWorseWithMovement, SurgeryRegion.Lumbar, 5).Should().BeFalse();
        Decide(Denied(5)).RuleIds.Should().Equal("expected-recovery");

        var volunteered = Decide(Denied(5).Yes(Q.LocalizedTenderness));

        volunteered.Urgency.Should().Be(Urgency.Routine);
        volunteered.RuleIds.Should().Equal("hardware-irritation");
    }

    // possible-epidural-haematoma: days 14 and 15, pain 7 and 8, each pain question, pain unknown.
    [Theory]
    [InlineData(0, 8, true)]
    [InlineData(14, 8, true)]
    [InlineData(15, 8, false)]
    [InlineData(14, 7, false)]
    [InlineData(14, 10, true)]
    public void New_numbness_with_a_severe_pain_score_is_a_possible_epidural_haematoma_in_the_first_two_weeks_only(int day, int painScore, bool fires)
    {
        var result = Decide(Denied(day).Yes(Q.NewOrWorseningLimbNumbness) with { PainScore = painScore });

        result.RuleIds.Contains("possible-epidural-haematoma").Should().Be(fires);
        result.Urgency.Should().Be(fires ? Urgency.Emergency : Urgency.Urgent);
        result.RuleIds.Should().Contain("sensory-deficit");
        result.RuleIds.Contains("severe-pain").Should().Be(painScore >= 8);
    }

    [Theory]
    [InlineData("newOrWorseningPain")]
    [InlineData("painReturnedAfterImprovement")]
    [InlineData("painNotControlled")]
    public void New_numbness_with_worsening_returned_or_uncontrolled_pain_in_the_first_two_weeks_is_a_possible_epidural_haematoma(string painId)
    {
        var pain = Q.Of(painId);
        Decide(Denied(14).Yes(Q.NewOrWorseningLimbNumbness, pain)).RuleIds.Should().Contain("possible-epidural-haematoma");
        Decide(Denied(15).Yes(Q.NewOrWorseningLimbNumbness, pain)).RuleIds.Should().NotContain("possible-epidural-haematoma").And.Contain("sensory-deficit");
        Decide(Denied(14).Yes(pain)).RuleIds.Should().NotContain("possible-epidural-haematoma");
    }

    [Fact]
    public void New_numbness_with_the_pain_unknown_is_not_an_epidural_haematoma_but_stays_urgent()
    {
        var result = Decide(Denied(3).Yes(Q.NewOrWorseningLimbNumbness));

        result.RuleIds.Should().Equal("sensory-deficit");
        result.Urgency.Should().Be(Urgency.Urgent);
        result.IsComplete.Should().BeTrue("the pain questions and the pain score are not red flags");
    }

    [Fact]
    public void Numbness_unknown_in_the_first_two_weeks_holds_the_report_at_urgent_without_the_haematoma_rule()
    {
        var result = Decide(Denied(3).Without(Q.NewOrWorseningLimbNumbness).Yes(Q.NewOrWorseningPain) with { PainScore = 9 });

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds.Should().Equal("unresolved-red-flag", "severe-escalating-pain", "new-or-worsening-pain");
    }

    [Fact]
    public void The_severe_pain_score_of_the_haematoma_rule_is_the_configured_one()
    {
        var report = Denied(10).Yes(Q.NewOrWorseningLimbNumbness) with { PainScore = 6 };

        HandCodedTriageThree.Decide(report, ReportBuilder.Today, severePainScore: 6).RuleIds.Should().Contain("possible-epidural-haematoma");
        HandCodedTriageThree.Decide(report, ReportBuilder.Today).RuleIds.Should().NotContain("possible-epidural-haematoma");
    }

    // The new severe headache and the widened meningitis rule: fever present, absent, unknown; days 90 and 91.
    [Fact]
    public void A_new_severe_headache_with_fever_is_possible_meningitis_with_the_fever_finding_and_not_severe_headache()
    {
        var result = Decide(Denied(30).Yes(Q.NewSevereHeadache) with { Temperature = Febrile });

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds.Should().Equal("possible-meningitis", "fever");
    }

    [Fact]
    public void A_new_severe_headache_with_fever_absent_is_urgent_severe_headache()
    {
        var result = Decide(Denied(30).Yes(Q.NewSevereHeadache));

        result.RuleIds.Should().Equal("severe-headache");
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void A_new_severe_headache_with_fever_unknown_fires_severe_headache_and_the_unresolved_red_flag()
    {
        var result = Decide(Denied(30).Without(Q.Fever).Yes(Q.NewSevereHeadache));

        result.Urgency.Should().Be(Urgency.Urgent);
        result.RuleIds.Should().Equal("severe-headache", "unresolved-red-flag");
    }

    [Theory]
    [InlineData("newSevereHeadache")]
    [InlineData("headacheWithStiffNeck")]
    [InlineData("spinalFluidLeakSigns")]
    public void The_headache_and_leak_questions_are_red_flags_up_to_day_90_and_not_asked_from_day_91(string questionId)
    {
        var question = Q.Of(questionId);
        var day90 = Decide(Denied(90).Without(question));
        var day91 = Decide(Denied(91).Without(question));
        var day43 = Decide(Denied(43).Without(question));

        day90.RuleIds.Should().Equal("unresolved-red-flag");
        day43.RuleIds.Should().Equal(["unresolved-red-flag"], "in 3.0 these apply after the early period too");
        day91.RuleIds.Should().Equal("expected-recovery");
        HandCodedTriageThree.AppliesTo(question, SurgeryRegion.Lumbar, 91).Should().BeFalse();
    }

    [Theory]
    [InlineData("headacheWithStiffNeck", "headache-with-stiff-neck")]
    [InlineData("spinalFluidLeakSigns", "possible-spinal-fluid-leak")]
    [InlineData("newSevereHeadache", "severe-headache")]
    public void A_yes_to_a_headache_or_leak_question_on_day_200_still_counts(string questionId, string rule)
    {
        var question = Q.Of(questionId);
        Decide(Denied(200).Yes(question)).RuleIds.Should().Equal(rule);
        Decide(Denied(200).Yes(question) with { Temperature = Febrile }).RuleIds.Should().Equal("possible-meningitis", "fever");
    }

    // The early questions (3.0 adds the belly and bowel questions to them): days 42 and 43.
    [Theory]
    [InlineData("bellySwollenOrVomiting", true)]
    [InlineData("woundBleeding", true)]
    [InlineData("woundOpening", true)]
    [InlineData("painNotControlled", true)]
    [InlineData("noBowelMovementFourDays", false)]
    public void An_early_question_applies_up_to_day_42_and_its_unknown_is_unresolved_only_if_it_is_a_red_flag(string questionId, bool redFlag)
    {
        var question = Q.Of(questionId);
        HandCodedTriageThree.AppliesTo(question, SurgeryRegion.Lumbar, 42).Should().BeTrue();
        HandCodedTriageThree.AppliesTo(question, SurgeryRegion.Lumbar, 43).Should().BeFalse();
        Decide(Denied(42).Without(question)).IsComplete.Should().Be(!redFlag);
        Decide(Denied(43).Without(question)).IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(42)]
    [InlineData(43)]
    [InlineData(400)]
    public void A_swollen_belly_or_vomiting_is_urgent_and_no_bowel_movement_for_4_days_is_soon_on_any_day(int day)
    {
        var belly = Decide(Denied(day).Yes(Q.BellySwollenOrVomiting));
        var bowel = Decide(Denied(day).Yes(Q.NoBowelMovementFourDays));

        belly.Urgency.Should().Be(Urgency.Urgent);
        belly.RuleIds.Should().Equal("belly-swollen-or-vomiting");
        bowel.Urgency.Should().Be(Urgency.Soon);
        bowel.RuleIds.Should().Equal("no-bowel-movement");
    }

    [Fact]
    public void Belly_and_bowel_answered_no_fire_nothing()
    {
        Decide(Denied(5).With(Q.NoBowelMovementFourDays, Answer.No)).RuleIds.Should().Equal("expected-recovery");
        Decide(Denied(5).Without(Q.NoBowelMovementFourDays)).RuleIds.Should().Equal("expected-recovery");
    }

    // The late questions: tenderness and pain with movement apply from day 43 and are not red flags.
    [Theory]
    [InlineData("localizedTenderness")]
    [InlineData("painWorseWithMovement")]
    public void Tenderness_and_pain_with_movement_apply_from_day_43_and_give_hardware_irritation_on_any_day(string questionId)
    {
        var question = Q.Of(questionId);
        HandCodedTriageThree.AppliesTo(question, null, 42).Should().BeFalse();
        HandCodedTriageThree.AppliesTo(question, null, 43).Should().BeTrue();
        HandCodedTriageThree.IsRedFlagFor(question, null, 43).Should().BeFalse();
        Decide(Denied(42).Yes(question)).RuleIds.Should().Equal("hardware-irritation");
        Decide(Denied(43).Yes(question)).RuleIds.Should().Equal("hardware-irritation");
        Decide(Denied(43).Without(question)).RuleIds.Should().Equal("expected-recovery");
    }

    // The neck questions: the new hoarse-voice question, by region.
    [Theory]
    [InlineData(SurgeryRegion.Cervical, true)]
    [InlineData(null, true)]
    [InlineData(SurgeryRegion.Lumbar, false)]
    public void The_hoarse_voice_question_applies_when_neck_surgery_is_possible_and_is_not_a_red_flag(SurgeryRegion? region, bool applies)
    {
        HandCodedTriageThree.AppliesTo(Q.HoarseVoiceTwoWeeks, region, 200).Should().Be(applies);
        HandCodedTriageThree.IsRedFlagFor(Q.HoarseVoiceTwoWeeks, region, 200).Should().BeFalse();
        Decide(Denied(200, region).Without(Q.HoarseVoiceTwoWeeks)).RuleIds.Should().Equal("expected-recovery");
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical)]
    [InlineData(SurgeryRegion.Lumbar)]
    [InlineData(null)]
    public void A_hoarse_voice_for_more_than_2_weeks_is_routine_persistent_hoarseness_whatever_the_region(SurgeryRegion? region)
    {
        var result = Decide(Denied(30, region).Yes(Q.HoarseVoiceTwoWeeks));

        result.Urgency.Should().Be(Urgency.Routine);
        result.RuleIds.Should().Equal("persistent-hoarseness");
    }

    [Fact]
    public void A_hoarse_voice_is_a_hardware_symptom_so_an_imaging_finding_with_it_is_soon()
    {
        Decide(Denied(30).Yes(Q.ImagingShowsHardwareProblem, Q.HoarseVoiceTwoWeeks)).RuleIds
            .Should().Equal("symptomatic-imaging-finding", "persistent-hoarseness");
        Decide(Denied(30).Yes(Q.ImagingShowsHardwareProblem)).RuleIds.Should().Equal("asymptomatic-imaging-finding");
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical, true)]
    [InlineData(null, true)]
    [InlineData(SurgeryRegion.Lumbar, false)]
    public void The_airway_and_swallowing_questions_are_red_flags_only_when_neck_surgery_is_possible_and_a_yes_counts_anywhere(SurgeryRegion? region, bool redFlag)
    {
        Decide(Denied(4, region).Without(Q.NeckSwellingOrAirway)).IsComplete.Should().Be(!redFlag);
        Decide(Denied(4, region).Without(Q.NewSwallowingDifficulty)).IsComplete.Should().Be(!redFlag);
        Decide(Denied(4, region).Yes(Q.NeckSwellingOrAirway)).RuleIds.Should().Equal("neck-swelling-or-airway");
    }

    // The stroke question always applies; the imaging question is never asked of a patient.
    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(1000)]
    public void The_stroke_or_seizure_question_is_a_red_flag_on_every_day_and_region(int day)
    {
        foreach (var region in new SurgeryRegion?[] { SurgeryRegion.Cervical, SurgeryRegion.Lumbar, null })
        {
            var result = Decide(Denied(day, region).Without(Q.StrokeOrSeizureSigns));

            result.RuleIds.Should().Equal("unresolved-red-flag");
            result.IsComplete.Should().BeFalse();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    public void The_imaging_question_is_for_clinicians_only_and_never_applies(int day)
    {
        HandCodedTriageThree.AppliesTo(Q.ImagingShowsHardwareProblem, null, day).Should().BeFalse();
        Decide(Denied(day).Without(Q.ImagingShowsHardwareProblem)).RuleIds.Should().Equal("expected-recovery");
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void The_fall_question_stays_a_red_flag_only_within_90_days(int day, bool complete)
    {
        Decide(Denied(day).Without(Q.RecentFallOrInjury)).IsComplete.Should().Be(complete);
        Decide(Denied(day).Yes(Q.RecentFallOrInjury)).RuleIds.Should().Equal(day <= 90 ? "fall-within-90-days" : "recent-fall");
    }

    // The narrowed wound-discharge question: each of its signs is a yes; day 91 clear fluid counts in it.
    [Theory]
    [InlineData("pus, or cloudy, yellow or green fluid", 3)]
    [InlineData("a bad smell", 20)]
    [InlineData("more fluid than on earlier days", 40)]
    [InlineData("clear, watery fluid after day 90", 91)]
    public void Each_sign_of_the_wound_discharge_question_is_a_wound_sign_urgent_and_with_fever_an_emergency(string sign, int day)
    {
        var withoutFever = Decide(Denied(day).Yes(Q.WoundDischarge));
        var withFever = Decide(Denied(day).Yes(Q.WoundDischarge) with { Temperature = Febrile });
        var feverUnknown = Decide(Denied(day).Without(Q.Fever).Yes(Q.WoundDischarge));

        withoutFever.RuleIds.Should().Equal(["wound-signs"], sign);
        withFever.Urgency.Should().Be(Urgency.Emergency, sign);
        withFever.RuleIds.Should().Equal(["infection-with-fever"], sign);
        feverUnknown.RuleIds.Should().Equal(["wound-signs", "unresolved-red-flag"], sign);
    }

    [Fact]
    public void Fever_with_the_wound_discharge_question_answered_no_is_urgent_fever_not_infection()
    {
        Decide(Denied(2) with { Temperature = Febrile }).RuleIds.Should().Equal("fever");
        Decide(Denied(2).Without(Q.WoundDischarge) with { Temperature = Febrile }).RuleIds.Should().Equal("fever", "unresolved-red-flag");
    }

    // The safety net of section 6.
    [Theory]
    [InlineData(14, SurgeryRegion.Cervical, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })]
    [InlineData(15, SurgeryRegion.Cervical, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData(90, SurgeryRegion.Lumbar, new[] { 1, 2, 3, 5, 6, 7, 8, 9, 10 })]
    [InlineData(91, null, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 10 })]
    public void The_safety_net_lists_the_meningitis_line_up_to_day_90_and_the_haematoma_line_in_the_first_two_weeks(int day, SurgeryRegion? region, int[] lines)
    {
        SafetyNet(Denied(day, region)).Should().Equal(lines);
    }

    [Fact]
    public void The_safety_net_leaves_out_a_present_sign_and_a_fired_combination_only()
    {
        SafetyNet(Denied(10, SurgeryRegion.Cervical).Yes(Q.StrokeOrSeizureSigns, Q.NeckSwellingOrAirway)).Should().NotContain([4, 6]);
        SafetyNet(Denied(10).Yes(Q.NewOrWorseningLimbNumbness)).Should().Contain(11, "numbness alone is not the whole combination");
        SafetyNet(Denied(10).Yes(Q.NewOrWorseningLimbNumbness) with { PainScore = 8 }).Should().NotContain(11);
        SafetyNet(Denied(10).Yes(Q.NewSevereHeadache)).Should().Contain(9);
        SafetyNet(Denied(10).Yes(Q.NewSevereHeadache) with { Temperature = Febrile }).Should().NotContain(9);
    }

    private static IReadOnlyList<int> SafetyNet(SymptomReport report) =>
        HandCodedTriageThree.SafetyNetLines(ValidatedReport.ForTestDouble(report, ReportBuilder.Today), new TriageEngineOptions());
}
