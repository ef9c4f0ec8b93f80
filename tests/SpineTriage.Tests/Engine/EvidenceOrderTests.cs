using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Serialization.Internal;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// Evidence cites answers in the rule set's asking order: the <c>unresolved-red-flag</c> evidence lists the unresolved red
/// flags in the order of <c>UnansweredQuestions</c> (2.0's asking order puts its new questions among 1.0's), and 1.0's
/// asking order is its id order, so 1.0's evidence is unchanged.
/// </summary>
public class EvidenceOrderTests
{
    [Fact]
    public void The_unresolved_red_flag_evidence_of_a_2_0_report_follows_the_2_0_asking_order()
    {
        var report = ReportBuilder.AllRedFlagsDeniedV2(daysSinceSurgery: 10)
            .With(QuestionId.Fever, Answer.Unknown)
            .With(QuestionId.NeckSwellingOrAirway, Answer.Unknown)
            .With(QuestionId.CalfPainOrSwelling, Answer.Unknown)
            .With(QuestionId.WoundBleeding, Answer.Unknown);

        var result = ReportBuilder.EngineV2().Evaluate(report);

        result.Findings.Single(f => f.RuleId == "unresolved-red-flag").Evidence.Should().Equal(
            "neckSwellingOrAirway: unknown",
            "fever: unknown",
            "woundBleeding: unknown",
            "calfPainOrSwelling: unknown");
    }

    [Fact]
    public void The_unresolved_red_flag_evidence_names_the_unanswered_questions_in_their_order_on_generated_reports()
    {
        foreach (var (engine, reports) in new[] { (ReportGen.Engine, ReportGen.Sample(17, PropertyRuns.Scaled(3_000))), (ReportGen.EngineV2, ReportGen.SampleV2(17, PropertyRuns.Scaled(3_000))) })
        {
            var checkedReports = 0;
            foreach (var report in reports)
            {
                var result = engine.Evaluate(report);
                if (result.Findings.SingleOrDefault(f => f.RuleId == "unresolved-red-flag") is not { } finding)
                {
                    continue;
                }

                checkedReports++;
                // A red flag absent from the report was not asked; one answered "don't know" is unknown (issue 27).
                var expected = result.UnansweredQuestions.Select(q => $"{JsonNames.Of(q)}: {(result.NotAskedQuestions.Contains(q) ? "not asked" : "unknown")}");
                finding.Evidence.Where(e => e.EndsWith(": unknown", StringComparison.Ordinal) || e.EndsWith(": not asked", StringComparison.Ordinal))
                    .Should().Equal(expected, "for {0}", ReportGen.Print(report));
            }

            checkedReports.Should().BeGreaterThan(PropertyRuns.Scaled(500), "the sample must hold many unresolved red flags");
        }
    }
}
