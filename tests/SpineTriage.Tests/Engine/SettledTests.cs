using FluentAssertions;
using SpineTriage.Interview.Internal;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// <c>TriageResult.IsSettled</c> equals the bounds the interview stops by: the report's absent questions all answered
/// no, and all answered yes, give the same urgency.
/// </summary>
public class SettledTests
{
    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void IsSettled_equals_the_lowest_and_highest_urgency_of_the_completed_report_read_from_scratch(uint seed)
    {
        var settled = 0;
        foreach (var engine in ReportGen.Engines)
        {
            foreach (var report in ReportGen.Sample(seed, PropertyRuns.Scaled(2_000)))
            {
                var validated = engine.Validate(report).GetValueOrThrow();
                var result = engine.Evaluate(validated);
                var lowest = UrgencyBounds.Lowest(engine, validated, openTemperature: false);
                var highest = UrgencyBounds.Highest(engine, validated, openTemperature: false, openPainScore: false);

                result.IsSettled.Should().Be(lowest == highest, "for {0}", ReportGen.Print(report));
                settled += result.IsSettled && report.Answers.Count < QuestionCatalogue.Count ? 1 : 0;
            }
        }

        settled.Should().BeGreaterThan(100, "the sample must hold settled reports with absent questions, or the test proves little");
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void IsSettled_equals_the_lowest_and_highest_urgency_of_the_completed_2_0_report_read_from_scratch(uint seed)
    {
        // Rule set 2.0: regions (cervical, others, not given) and days at 42/43 and 90/91, so that questions that do not
        // apply are absent too (they are never asked and count as no: clinical-notes.md, rule set 2.0, reading 5).
        var settled = 0;
        var settledWithInapplicableAbsent = 0;
        foreach (var engine in ReportGen.EnginesV2)
        {
            foreach (var report in ReportGen.SampleV2(seed, PropertyRuns.Scaled(2_000)))
            {
                var validated = engine.Validate(report).GetValueOrThrow();
                var result = engine.Evaluate(validated);
                var lowest = UrgencyBounds.Lowest(engine, validated, openTemperature: false);
                var highest = UrgencyBounds.Highest(engine, validated, openTemperature: false, openPainScore: false);

                result.IsSettled.Should().Be(lowest == highest, "for {0}", ReportGen.Print(report));
                var absent = ReportGen.QuestionsV2.Where(q => !report.Answers.IsGiven(q)).ToArray();
                settled += result.IsSettled && absent.Length > 0 ? 1 : 0;
                settledWithInapplicableAbsent += result.IsSettled && absent.Any(q => !engine.RuleSet.Applicability(q, report.SurgeryRegion, validated.DaysSinceSurgery).Applies) ? 1 : 0;
            }
        }

        settled.Should().BeGreaterThan(100, "the sample must hold settled reports with absent questions, or the test proves little");
        settledWithInapplicableAbsent.Should().BeGreaterThan(20, "and settled reports with questions that do not apply absent");
    }

    [Fact]
    public void A_report_with_the_fever_question_absent_and_no_thermometer_is_settled_only_when_fever_cannot_change_the_urgency()
    {
        var engine = ReportBuilder.EngineV1();
        var noFeverAnswer = ReportBuilder.AllRedFlagsDenied() with
        {
            Answers = AnswerSet.From(QuestionCatalogue.RedFlags.Where(q => q.Id != QuestionId.Fever).Select(q => KeyValuePair.Create(q.Id, Answer.No))),
        };

        // The other red flags denied: fever yes would give urgent, no gives at most soon, so it is not settled.
        engine.Evaluate(noFeverAnswer).IsSettled.Should().BeFalse();

        // With an emergency sign, no answer to fever can change the urgency.
        engine.Evaluate(noFeverAnswer.Yes(QuestionId.SaddleNumbness)).IsSettled.Should().BeTrue();
    }
}
