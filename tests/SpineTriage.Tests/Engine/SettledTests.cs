using FluentAssertions;
using SpineTriage.Interview.Internal;
using SpineTriage.Reports;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// <c>TriageResult.IsSettled</c> is computed by patching the report's facts word (<c>FactLayout.Complete</c>); it must
/// equal the plain definition: the report's absent questions all answered no, and all answered yes, read from scratch,
/// give the same urgency.
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
            foreach (var report in ReportGen.Sample(seed, 2_000))
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
