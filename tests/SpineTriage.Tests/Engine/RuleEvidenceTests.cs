using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Tests.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

using Q = QuestionId;

/// <summary>
/// The evidence of a finding names the report's own facts: its day count, pain score, risk factors and region, and the
/// alternatives that hold given the rules above that fired (each test has one rule and reports that differ in one fact).
/// </summary>
public class RuleEvidenceTests
{
    [Fact]
    public void Evidence_that_names_the_day_count_is_made_for_each_report()
    {
        var harness = new RuleHarness(null, ("r", Urgency.Routine, When.All(When.Yes(Q.Fever), When.DaysSinceSurgery(max: 100))));

        harness.Evidence(OnDay(10).Yes(Q.Fever), "r").Should().Contain("daysSinceSurgery: 10");
        harness.Evidence(OnDay(20).Yes(Q.Fever), "r").Should().Contain("daysSinceSurgery: 20").And.NotContain("daysSinceSurgery: 10");
    }

    [Fact]
    public void Evidence_of_a_pain_score_alternative_names_each_reports_score()
    {
        var harness = new RuleHarness(null, ("r", Urgency.Routine, When.Any(When.PainScoreAtLeast(7), When.Yes(Q.Fever))));

        harness.Evidence(OnDay(10) with { PainScore = 7 }, "r").Should().Equal("painScore: 7");
        harness.Evidence(OnDay(10) with { PainScore = 9 }, "r").Should().Equal("painScore: 9");
    }

    [Fact]
    public void Evidence_of_a_risk_factor_alternative_cites_it_only_when_the_report_has_it()
    {
        var harness = new RuleHarness(null, ("r", Urgency.Routine, When.Any(When.RiskFactor(RiskFactor.Diabetes), When.Yes(Q.Fever))));

        harness.Evidence(OnDay(10).Yes(Q.Fever) with { RiskFactors = [RiskFactor.Diabetes] }, "r").Should().Contain("riskFactors: diabetes");
        harness.Evidence(OnDay(10).Yes(Q.Fever), "r").Should().NotContain("riskFactors: diabetes");
    }

    [Fact]
    public void Evidence_of_a_condition_on_several_regions_names_each_reports_region()
    {
        var harness = new RuleHarness(null, ("r", Urgency.Routine, When.All(When.Yes(Q.Fever), When.Region(SurgeryRegion.Cervical, SurgeryRegion.Lumbar))));

        harness.Evidence(OnDay(10).Yes(Q.Fever) with { SurgeryRegion = SurgeryRegion.Cervical }, "r").Should().Equal("fever: yes", "surgeryRegion: cervical");
        harness.Evidence(OnDay(10).Yes(Q.Fever) with { SurgeryRegion = SurgeryRegion.Lumbar }, "r").Should().Equal("fever: yes", "surgeryRegion: lumbar");
    }

    [Fact]
    public void Evidence_reads_the_rules_above_as_they_fired_and_no_others()
    {
        // "c" names "a" (index 1) and the rules above it; evidence is made from the alternatives that hold, so it must
        // see "a" fired when it did, and no rule above fired when none did.
        var harness = new RuleHarness(
            null,
            ("zero", Urgency.Emergency, When.Yes(Q.SaddleNumbness)),
            ("a", Urgency.Urgent, When.Yes(Q.Fever)),
            ("c", Urgency.Urgent, When.Any(
                When.All(When.Fired("a"), When.Yes(Q.WoundDischarge)),
                When.All(When.NoRuleAboveFired, When.Yes(Q.CalfPainOrSwelling)),
                When.Yes(Q.LumpOverHardware))));
        var all = new[] { Q.Fever, Q.WoundDischarge, Q.CalfPainOrSwelling, Q.LumpOverHardware };

        harness.Evidence(Yes(all, Q.Fever, Q.WoundDischarge, Q.LumpOverHardware), "c").Should().Equal("woundDischarge: yes", "lumpOverHardware: yes");
        harness.Evidence(Yes(all, Q.CalfPainOrSwelling, Q.LumpOverHardware), "c").Should().Equal("calfPainOrSwelling: yes", "lumpOverHardware: yes");
        harness.Evidence(Yes(all, Q.Fever, Q.CalfPainOrSwelling, Q.LumpOverHardware), "c").Should().Equal("lumpOverHardware: yes");
    }

    // The report with the questions of all answered no except those of yes.
    private static SymptomReport Yes(Q[] all, params Q[] yes) =>
        all.Aggregate(OnDay(10), (report, q) => report.With(q, yes.Contains(q) ? Answer.Yes : Answer.No));

    private static SymptomReport OnDay(int days) => ReportBuilder.AllRedFlagsDenied().OnDay(days);
}
