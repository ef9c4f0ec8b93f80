using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Rules;

using Q = QuestionId;

/// <summary>
/// The condition vocabulary (<see cref="When"/>): a condition is written in one declaration, evaluates as it
/// reads, describes itself in words generated from the tree, and cites what made it hold.
/// </summary>
public class ConditionTests
{
    // One declaration with Any, Not and a days-since-surgery range.
    private static readonly Condition EarlyWoundOrFeverWithoutCalfPain = When.All(
        When.Any(When.Yes(Q.WoundDischarge), When.Fever(Presence.Present, 38.0m)),
        When.Not(When.Yes(Q.CalfPainOrSwelling)),
        When.DaysSinceSurgery(7, 42));

    private static readonly RuleHarness Harness = new(null, ("early-wound", Urgency.Urgent, EarlyWoundOrFeverWithoutCalfPain));

    [Theory]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(42)]
    public void A_condition_with_any_not_and_a_day_range_holds_inside_the_range(int days)
    {
        Harness.Fire(OnDay(days).Yes(Q.WoundDischarge)).Should().Equal("early-wound");
        Harness.Fire(OnDay(days).Yes(Q.Fever)).Should().Equal("early-wound");
        Harness.Fire(OnDay(days).Measured(Temperature.Celsius(38.2m))).Should().Equal("early-wound");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(43)]
    [InlineData(400)]
    public void A_condition_with_any_not_and_a_day_range_does_not_hold_outside_the_range(int days)
    {
        Harness.Fire(OnDay(days).Yes(Q.WoundDischarge, Q.Fever)).Should().BeEmpty();
    }

    [Fact]
    public void A_condition_with_any_not_and_a_day_range_does_not_hold_when_the_negated_part_is_so_or_no_alternative_is()
    {
        Harness.Fire(OnDay(20).Yes(Q.WoundDischarge, Q.CalfPainOrSwelling)).Should().BeEmpty();
        Harness.Fire(OnDay(20).Yes(Q.WoundRednessOrSwelling)).Should().BeEmpty();
        Harness.Fire(OnDay(20).Measured(Temperature.Celsius(37.9m))).Should().BeEmpty();
    }

    [Fact]
    public void A_condition_describes_itself_from_its_tree()
    {
        EarlyWoundOrFeverWithoutCalfPain.Description.Should().Be(
            "(woundDischarge yes or fever present (fever yes, or a measured temperature at or above 38.0 °C)) and calfPainOrSwelling not yes and days since surgery 7 to 42");
    }

    [Fact]
    public void Derived_facts_are_described_from_their_definitions()
    {
        When.WoundSign.Description.Should().Be("wound sign present (woundDischarge yes or woundRednessOrSwelling yes)");
        When.Not(When.WoundSign).Description.Should().Be("wound sign not present");
        When.HardwareSymptom.Description.Should().Be("a hardware symptom present (newOrWorseningPain, painReturnedAfterImprovement, instabilityOrMovement, radiatingLimbPain, localizedTenderness, painWorseWithMovement or lumpOverHardware yes)");
        When.Not(When.HardwareSymptom).Description.Should().Be("no hardware symptom present");
        When.NeckSurgeryPossible.Description.Should().Be("neck surgery possible (surgeryRegion cervical or surgeryRegion not given)");
        When.EarlyPeriod.Description.Should().Be("early period (days since surgery ≤ 42)");
        When.Not(When.Within90Days).Description.Should().Be("not within 90 days");
    }

    [Fact]
    public void Every_leaf_and_its_negation_have_words()
    {
        var words = new[]
        {
            When.Unknown(Q.Fever), When.Not(When.Unknown(Q.Fever)), When.No(Q.SaddleNumbness), When.Not(When.No(Q.SaddleNumbness)),
            When.Fever(Presence.Absent, 38.0m), When.Fever(Presence.Unknown, 38.0m), When.Not(When.Fever(Presence.Unknown, 38.0m)),
            When.Not(When.PainScoreAtLeast(8)), When.DaysSinceSurgery(min: 91), When.Not(When.DaysSinceSurgery(min: 91)),
            When.Not(When.DaysSinceSurgery(max: 90)), When.Region(SurgeryRegion.Cervical, SurgeryRegion.Thoracic),
            When.Not(When.Region(SurgeryRegion.Lumbar)), When.Not(When.RegionNotGiven), When.RiskFactor(RiskFactor.Smoking),
            When.Not(When.RiskFactor(RiskFactor.Smoking)), When.Fired("fever"), When.DidNotFire("fever"), When.Not(When.NoRuleAboveFired),
            When.Not(When.Any(When.Yes(Q.Fever), When.Yes(Q.SaddleNumbness))), When.Always, When.Any(),
        }.Select(c => c.Description);

        words.Should().Equal(
            "fever unknown", "fever answered", "saddleNumbness no", "saddleNumbness not no",
            "fever absent (fever no, or a measured temperature below 38.0 °C, and fever not present)", "fever unknown", "fever known",
            "painScore below 8 or not given", "days since surgery ≥ 91", "days since surgery < 91",
            "days since surgery > 90", "surgeryRegion cervical or thoracic",
            "surgeryRegion not lumbar", "surgeryRegion given", "riskFactors include smoking",
            "riskFactors do not include smoking", "fever fired", "fever did not fire", "a rule above fired",
            "not (fever yes or saddleNumbness yes)", "always", "never");
    }

    [Fact]
    public void An_all_inside_an_any_and_an_any_inside_an_all_are_bracketed()
    {
        When.Any(When.All(When.Yes(Q.Fever), When.PainScoreAtLeast(3)), When.Yes(Q.SaddleNumbness)).Description
            .Should().Be("(fever yes and painScore ≥ 3) or saddleNumbness yes");
        When.All(When.PainScoreAtLeast(8), When.AnyYes(Q.NewOrWorseningPain, Q.PainReturnedAfterImprovement)).Description
            .Should().Be("painScore ≥ 8 and (newOrWorseningPain yes or painReturnedAfterImprovement yes)");
    }

    [Fact]
    public void The_evidence_cites_the_alternatives_that_hold_in_asking_order_and_nothing_for_a_negation()
    {
        var harness = new RuleHarness(null, ("r", Urgency.Routine, When.All(
            When.AnyYes(Q.LumpOverHardware, Q.LocalizedTenderness, Q.PainWorseWithMovement),
            When.Not(When.Yes(Q.Fever)),
            When.DaysSinceSurgery(max: 100),
            When.Region(SurgeryRegion.Cervical, SurgeryRegion.Lumbar),
            When.RiskFactor(RiskFactor.Diabetes))));
        var report = OnDay(30).Yes(Q.LumpOverHardware, Q.LocalizedTenderness) with
        {
            SurgeryRegion = SurgeryRegion.Lumbar,
            RiskFactors = [RiskFactor.Diabetes],
        };

        harness.Evidence(report, "r").Should().Equal(
            "localizedTenderness: yes", "lumpOverHardware: yes", "daysSinceSurgery: 30", "surgeryRegion: lumbar", "riskFactors: diabetes");
    }

    [Fact]
    public void A_fever_threshold_other_than_the_engines_is_refused_when_the_rules_are_compiled()
    {
        var compile = () => new RuleHarness(null, ("r", Urgency.Urgent, When.Fever(Presence.Present, 38.5m)));

        compile.Should().Throw<InvalidOperationException>().WithMessage("*38.5 °C; the engine uses 38.0 °C*");
    }

    [Fact]
    public void An_empty_day_range_is_refused_when_it_is_written()
    {
        var write = () => When.DaysSinceSurgery(10, 9);

        write.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_missing_pain_score_meets_no_pain_threshold_however_low(int score)
    {
        var harness = new RuleHarness(null, ("pain", Urgency.Routine, When.PainScoreAtLeast(score)));

        harness.Fire(OnDay(10) with { PainScore = null }).Should().BeEmpty();
        harness.Fire(OnDay(10) with { PainScore = score }).Should().Equal("pain");
    }

    private static SymptomReport OnDay(int days) => ReportBuilder.AllRedFlagsDenied().OnDay(days);
}
