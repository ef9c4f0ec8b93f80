using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The urgency a report could still reach if every question not yet given were yes and a missing pain score
/// or temperature were at its highest: a nurse line stops asking when it equals the current urgency.
/// </summary>
public class HighestReachableUrgencyTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    private Urgency Reachable(SymptomReport report) => Engine.HighestReachableUrgency(Engine.Validate(report).Value!);

    /// <summary>A report with a pain score, a normal temperature and the given answers.</summary>
    private static SymptomReport EverythingAnswered(AnswerSet answers)
    {
        var report = ReportBuilder.AllRedFlagsDenied().Pain(3).Measured(Temperature.Celsius(36.9m));
        return report with { Answers = answers };
    }

    [Fact]
    public void A_report_with_nothing_asked_can_still_reach_emergency()
    {
        Reachable(new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today }).Should().Be(Urgency.Emergency);
    }

    [Fact]
    public void An_emergency_can_reach_nothing_higher()
    {
        Reachable(new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today }.Yes(Q.BladderOrBowelControlLoss))
            .Should().Be(Urgency.Emergency);
    }

    [Fact]
    public void A_fully_answered_report_can_reach_only_its_own_urgency()
    {
        var report = EverythingAnswered(AnswerSet.Empty.WithNotGivenAs(Answer.No, QuestionCatalogue.All).With(Q.LumpOverHardware, Answer.Yes));

        Reachable(report).Should().Be(Urgency.Routine).And.Be(Engine.Evaluate(report).Urgency);
    }

    [Fact]
    public void Red_flags_denied_with_other_questions_not_asked_can_still_reach_urgent()
    {
        // Not yet asked: worsening pain with the pain score at its highest is severe escalating pain.
        Reachable(ReportBuilder.AllRedFlagsDenied().Measured(Temperature.Celsius(36.9m))).Should().Be(Urgency.Urgent);
    }

    [Fact]
    public void A_missing_temperature_counts_as_a_fever_that_could_make_wound_signs_an_emergency()
    {
        var report = ReportBuilder.AllRedFlagsDenied().Pain(3).Yes(Q.WoundDischarge);
        report = report with { Answers = report.Answers.WithNotGivenAs(Answer.No, QuestionCatalogue.All) };

        Reachable(report).Should().Be(Urgency.Emergency);
    }

    [Fact]
    public void An_explicit_unknown_counts_as_answered_and_is_not_raised()
    {
        var report = EverythingAnswered(AnswerSet.Empty.WithNotGivenAs(Answer.No, QuestionCatalogue.All).With(Q.SaddleNumbness, Answer.Unknown));

        Reachable(report).Should().Be(Urgency.Urgent);
    }
}
