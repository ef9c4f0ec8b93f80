using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Engine;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

using Q = QuestionId;

/// <summary>
/// The vocabulary states every condition of rule set 2.0 (clinical-criteria-2.0.md sections 2, 3 and 5),
/// including when a question applies, and the engine compiles and evaluates them. Rule set 2.0's questions are
/// not in the catalogue yet, so the conditions are stated over stand-ins: existing questions given the new
/// questions' roles (red flag or not, applicability).
/// </summary>
public class CriteriaTwoConditionsTests
{
    private const Q NeckSwellingOrAirway = Q.ChestPainOrBreathlessness;      // red flag, applies after neck surgery
    private const Q DrowsyConfusedOrSlowBreathing = Q.NewOrWorseningLimbWeakness;
    private const Q RecentFallOrInjury = Q.InstabilityOrMovement;
    private const Q HeadacheWithStiffNeck = Q.CalfPainOrSwelling;            // red flag, applies early
    private const Q SpinalFluidLeakSigns = Q.NewOrWorseningLimbNumbness;     // red flag, applies early
    private const Q WoundBleeding = Q.LumpOverHardware;
    private const Q WoundOpening = Q.LocalizedTenderness;
    private const Q PainNotControlled = Q.PainWorseWithMovement;
    private const Q NewSwallowingDifficulty = Q.RadiatingLimbPain;

    private static readonly Condition FeverPresent = When.Fever(Presence.Present, 38.0m);

    private static readonly Question[] Questions = QuestionCatalogue.All.Select(q => q.Id switch
    {
        NeckSwellingOrAirway or NewSwallowingDifficulty => q with { AppliesWhen = When.NeckSurgeryPossible },
        HeadacheWithStiffNeck or SpinalFluidLeakSigns or WoundBleeding or WoundOpening or PainNotControlled => q with { AppliesWhen = When.EarlyPeriod },
        _ => q,
    }).ToArray();

    private static readonly RuleHarness Rules = new(
        Questions,
        ("neck-swelling-or-airway", Urgency.Emergency, When.Yes(NeckSwellingOrAirway)),
        ("reduced-alertness", Urgency.Emergency, When.Yes(DrowsyConfusedOrSlowBreathing)),
        ("possible-meningitis", Urgency.Emergency, When.All(FeverPresent, When.AnyYes(SpinalFluidLeakSigns, HeadacheWithStiffNeck))),
        ("wound-bleeding", Urgency.Urgent, When.Yes(WoundBleeding)),
        ("wound-opening", Urgency.Urgent, When.Yes(WoundOpening)),
        ("possible-spinal-fluid-leak", Urgency.Urgent, When.All(When.Yes(SpinalFluidLeakSigns), When.Not(FeverPresent))),
        ("headache-with-stiff-neck", Urgency.Urgent, When.All(When.Yes(HeadacheWithStiffNeck), When.Not(FeverPresent))),
        ("unresolved-red-flag", Urgency.Urgent, When.AnyApplicableRedFlagUnresolved),
        ("uncontrolled-pain", Urgency.Urgent, When.Yes(PainNotControlled)),
        ("new-swallowing-difficulty", Urgency.Urgent, When.Yes(NewSwallowingDifficulty)),
        ("fall-within-90-days", Urgency.Urgent, When.All(When.Yes(RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Within90Days)),
        ("recent-fall", Urgency.Soon, When.All(When.Yes(RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Not(When.Within90Days))),
        ("hardware-symptom-2-0", Urgency.Soon, When.All(When.Yes(Q.ImagingShowsHardwareProblem), When.Any(When.HardwareSymptom, When.Yes(PainNotControlled), When.Yes(NewSwallowingDifficulty)))),
        ("expected-recovery", Urgency.SelfCare, When.NoRuleAboveFired));

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void A_fall_within_90_days_is_urgent(int days)
    {
        Rules.Fire(OnDay(days).Yes(RecentFallOrInjury)).Should().Equal("fall-within-90-days");
    }

    [Fact]
    public void A_fall_after_day_90_is_soon()
    {
        Rules.Fire(OnDay(91).Yes(RecentFallOrInjury)).Should().Equal("recent-fall");
    }

    [Fact]
    public void A_fall_with_sudden_severe_pain_fires_neither_fall_rule()
    {
        Rules.Fire(OnDay(30).Yes(RecentFallOrInjury, Q.SuddenSeverePainAfterFallOrInjury)).Should().NotContain(["fall-within-90-days", "recent-fall"]);
        Rules.Fire(OnDay(300).Yes(RecentFallOrInjury, Q.SuddenSeverePainAfterFallOrInjury)).Should().NotContain(["fall-within-90-days", "recent-fall"]);
    }

    [Fact]
    public void Fever_with_spinal_fluid_leak_signs_is_possible_meningitis_and_not_a_leak_without_fever()
    {
        Rules.Fire(OnDay(10).Yes(SpinalFluidLeakSigns, Q.Fever)).Should().Equal("possible-meningitis");
        Rules.Fire(OnDay(10).Yes(SpinalFluidLeakSigns)).Should().Equal("possible-spinal-fluid-leak");
        Rules.Fire(OnDay(10).Yes(HeadacheWithStiffNeck).Measured(Temperature.Celsius(38.4m))).Should().Equal("possible-meningitis");
    }

    [Fact]
    public void A_neck_question_left_unknown_after_lumbar_surgery_leaves_no_red_flag_unresolved()
    {
        var report = OnDay(100).Unknown(NeckSwellingOrAirway);

        Rules.Fire(report with { SurgeryRegion = SurgeryRegion.Lumbar }).Should().Equal("expected-recovery");
        Rules.Fire(report with { SurgeryRegion = SurgeryRegion.Cervical }).Should().Equal("unresolved-red-flag");
        Rules.Fire(report with { SurgeryRegion = null }).Should().Equal("unresolved-red-flag");
    }

    [Fact]
    public void An_early_question_left_unknown_after_the_early_period_leaves_no_red_flag_unresolved()
    {
        Rules.Fire(OnDay(42).Unknown(HeadacheWithStiffNeck)).Should().Equal("unresolved-red-flag");
        Rules.Fire(OnDay(43).Unknown(HeadacheWithStiffNeck)).Should().Equal("expected-recovery");
        Rules.FactsOf(OnDay(43).Unknown(HeadacheWithStiffNeck)).UnresolvedRedFlags.Should().Be(0, "the report counts as complete");
    }

    [Fact]
    public void A_yes_to_a_question_that_does_not_apply_still_counts()
    {
        Rules.Fire(OnDay(300).Yes(NeckSwellingOrAirway) with { SurgeryRegion = SurgeryRegion.Lumbar }).Should().Equal("neck-swelling-or-airway");
    }

    [Fact]
    public void The_conditions_read_as_the_criteria_state_them()
    {
        When.All(When.Yes(RecentFallOrInjury), When.Not(When.Yes(Q.SuddenSeverePainAfterFallOrInjury)), When.Not(When.Within90Days)).Description
            .Should().Be("instabilityOrMovement yes and suddenSeverePainAfterFallOrInjury not yes and not within 90 days");
        When.AnyApplicableRedFlagUnresolved.Description.Should().StartWith("any red-flag question unknown", "every question of rule set 1.0 always applies");
    }

    [Fact]
    public void The_compiled_conditions_decide_as_they_read_on_generated_reports()
    {
        var firings = 0;
        foreach (var facts in GeneratedFacts.For(Rules.Layout, 20260, 10_000))
        {
            firings += Rules.Fire(facts) != 0 ? 1 : 0;
        }

        firings.Should().Be(10_000, "some rule, if only expected recovery, fires on every report");
    }

    private static SymptomReport OnDay(int days) => ReportBuilder.AllRedFlagsDenied() with { SurgeryDate = ReportBuilder.Today.AddDays(-days) };
}
