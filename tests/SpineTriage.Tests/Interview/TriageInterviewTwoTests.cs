using FluentAssertions;
using SpineTriage.Interview;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Interview;

/// <summary>
/// The interview under rule set 2.0 (clinical-criteria-2.0.md section 3): it asks only the questions that apply, in the
/// 2.0 order; the region and the dates are part of the partial report.
/// </summary>
public class TriageInterviewTwoTests
{
    private static readonly Q[] NeckQuestions = [Q.NeckSwellingOrAirway, Q.NewSwallowingDifficulty];

    private static readonly Q[] EarlyQuestions = [Q.HeadacheWithStiffNeck, Q.SpinalFluidLeakSigns, Q.WoundBleeding, Q.WoundOpening, Q.PainNotControlled];

    private TriageInterview Interview { get; } = new(ReportBuilder.EngineV2());

    [Fact]
    public void The_items_are_the_27_questions_of_2_0_in_its_order_with_the_temperature_and_the_pain_score()
    {
        var names = Interview.Items.Select(i => i.Question?.JsonId ?? i.Kind.ToString()).ToArray();

        names.Should().HaveCount(29);
        names.Where(n => n is not "Temperature" and not "PainScore").Should().Equal(ReportBuilder.QuestionsV2.Select(q => q.JsonId));
        names[7].Should().Be("Temperature", "the temperature is asked just before the fever question");
        names[20].Should().Be("PainScore", "the pain score is asked after the 19 red flags");
        Interview.Items.Single(i => i.Question?.Id == Q.NewOrWorseningLimbWeakness).Text.Should().Contain("clumsy hands");
    }

    [Fact]
    public void A_lumbar_patient_six_months_after_surgery_is_asked_nothing_about_the_neck_or_the_first_weeks()
    {
        var asked = Walk(Start(182, SurgeryRegion.Lumbar), out var last);

        asked.Should().NotIntersectWith(NeckQuestions).And.NotIntersectWith(EarlyQuestions);
        asked.Should().Equal(ReportBuilder.QuestionsV2.Select(q => q.Id).Except(NeckQuestions).Except(EarlyQuestions));
        last.Result.Urgency.Should().Be(Urgency.SelfCare);
        last.Result.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData(SurgeryRegion.Cervical)]
    [InlineData(null)]
    public void When_neck_surgery_is_possible_the_neck_questions_are_asked(SurgeryRegion? region)
    {
        var asked = Walk(Start(182, region), out _);

        asked.Should().Contain(NeckQuestions).And.NotIntersectWith(EarlyQuestions);
        asked.IndexOf(Q.NeckSwellingOrAirway).Should().Be(3, "it is the fourth question of the 2.0 order");
    }

    [Theory]
    [InlineData(42, true)]
    [InlineData(43, false)]
    public void The_early_questions_are_asked_up_to_day_42(int day, bool early)
    {
        var asked = Walk(Start(day, SurgeryRegion.Thoracic), out _);

        asked.Intersect(EarlyQuestions).Should().HaveCount(early ? EarlyQuestions.Length : 0);
    }

    [Fact]
    public void A_neck_question_answered_yes_by_a_lumbar_patient_still_gives_emergency()
    {
        var step = Interview.Next(Start(182, SurgeryRegion.Lumbar).With(Q.NeckSwellingOrAirway, Answer.Yes)).GetValueOrThrow();

        step.Result.Urgency.Should().Be(Urgency.Emergency);
        step.IsSettled.Should().BeTrue("nothing can raise an emergency");
    }

    private static SymptomReport Start(int day, SurgeryRegion? region) => new()
    {
        SurgeryDate = ReportBuilder.Today.AddDays(-day),
        AssessedOn = ReportBuilder.Today,
        SurgeryRegion = region,
    };

    // Answers every question no, a normal temperature and a pain score of 2, until the interview is settled.
    private List<Q> Walk(SymptomReport report, out InterviewStep last)
    {
        var asked = new List<Q>();
        while (true)
        {
            last = Interview.Next(report).GetValueOrThrow();
            if (last.Ask is not { } item)
            {
                return asked;
            }

            report = item.Kind switch
            {
                InterviewItemKind.Temperature => report with { Temperature = Temperature.Celsius(36.8m) },
                InterviewItemKind.PainScore => report with { PainScore = 2 },
                _ => report.With(item.Question!.Id, Answer.No),
            };
            if (item.Question is { } question)
            {
                asked.Add(question.Id);
            }
        }
    }
}
