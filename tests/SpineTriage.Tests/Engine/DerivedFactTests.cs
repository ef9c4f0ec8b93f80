using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Tests.Support;
using SpineTriage.TestSupport;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Engine;

/// <summary>
/// The derived facts of clinical-criteria.md section 2 as the result shows them: fever and its contradictions,
/// completeness and the unanswered red-flag questions.
/// </summary>
public class DerivedFactTests
{
    // A fresh engine for each test: it has made no finding yet, so every finding a test sees is made while it runs.
    private TriageEngine Engine { get; } = ReportBuilder.EngineV1();

    [Fact]
    public void A_measured_fever_with_fever_answered_no_is_fever_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.Fever).Measured(Temperature.Celsius(38.5m)));

        result.RuleIds().Should().Equal("fever");
        result.Finding("fever").Evidence.Should().Equal("temperature: 38.5 °C");
    }

    [Fact]
    public void A_measured_fever_with_fever_answered_no_carries_a_contradiction_warning()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.Fever).Measured(Temperature.Celsius(38.5m)));

        result.Warnings.Should().ContainSingle().Which.Should()
            .Contain("fever was answered no").And.Contain("38.5 °C").And.Contain("38.0 °C").And.Contain("taken as present");
    }

    [Fact]
    public void A_measured_fever_with_fever_answered_no_and_a_wound_sign_is_an_infection_with_fever()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.Fever).Measured(Temperature.Fahrenheit(101.5m)).Yes(Q.WoundDischarge));

        result.Urgency.Should().Be(Urgency.Emergency);
        result.RuleIds().Should().Equal("infection-with-fever");
    }

    [Fact]
    public void Fever_answered_yes_with_a_low_measured_temperature_keeps_fever_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever).Measured(Temperature.Celsius(36.8m)));

        result.RuleIds().Should().Equal("fever");
        result.Finding("fever").Evidence.Should().Equal("fever: yes");
    }

    [Fact]
    public void Fever_answered_yes_with_a_low_measured_temperature_carries_a_warning()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.Fever).Measured(Temperature.Celsius(36.8m)));

        result.Warnings.Should().ContainSingle().Which.Should()
            .Contain("fever was answered yes").And.Contain("36.8 °C").And.Contain("below the fever threshold");
    }

    [Theory]
    [InlineData(Answer.Yes, 38.5)]
    [InlineData(Answer.No, 37.2)]
    [InlineData(Answer.Unknown, 38.5)]
    [InlineData(Answer.Unknown, 37.2)]
    public void A_fever_answer_that_agrees_with_the_measurement_or_is_unknown_gives_no_warning(Answer fever, double celsius)
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().With(Q.Fever, fever).Measured(Temperature.Celsius((decimal)celsius)));

        result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void The_contradiction_warning_names_the_engine_s_threshold()
    {
        var engine = ReportBuilder.EngineV1(new TriageEngineOptions { FeverThresholdCelsius = 38.5m });

        var result = engine.Evaluate(ReportBuilder.AllRedFlagsDenied().No(Q.Fever).Measured(Temperature.Celsius(38.6m)));

        result.Warnings.Should().ContainSingle().Which.Should().Contain("38.5 °C");
    }

    [Fact]
    public void A_report_with_every_red_flag_answered_is_complete()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.SaddleNumbness));

        result.IsComplete.Should().BeTrue();
        result.UnansweredQuestions.Should().BeEmpty();
    }

    [Fact]
    public void A_red_flag_answered_unknown_makes_the_report_incomplete()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.ChestPainOrBreathlessness));

        result.IsComplete.Should().BeFalse();
        result.UnansweredQuestions.Should().Equal(Q.ChestPainOrBreathlessness);
    }

    [Fact]
    public void Unanswered_questions_are_the_unknown_red_flags_in_asking_order()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.CalfPainOrSwelling, Q.BladderOrBowelControlLoss, Q.WoundDischarge));

        result.UnansweredQuestions.Should().Equal(Q.BladderOrBowelControlLoss, Q.WoundDischarge, Q.CalfPainOrSwelling);
    }

    [Fact]
    public void A_report_without_answers_lists_every_red_flag_question_as_unanswered()
    {
        var result = Engine.Evaluate(new SymptomReport { SurgeryDate = ReportBuilder.SurgeryDate, AssessedOn = ReportBuilder.Today });

        result.UnansweredQuestions.Should().Equal(QuestionCatalogue.RedFlags.Select(q => q.Id));
    }

    [Fact]
    public void Questions_that_are_not_red_flags_are_never_listed_as_unanswered()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.NewOrWorseningPain, Q.LumpOverHardware, Q.ImagingShowsHardwareProblem));

        result.IsComplete.Should().BeTrue();
        result.UnansweredQuestions.Should().BeEmpty();
    }

    [Fact]
    public void A_measured_temperature_answers_the_fever_question_for_completeness()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever).Measured(Temperature.Fahrenheit(98.6m)));

        result.IsComplete.Should().BeTrue();
        result.UnansweredQuestions.Should().NotContain(Q.Fever);
    }

    [Fact]
    public void Fever_unknown_without_a_measurement_is_an_unanswered_question()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Unknown(Q.Fever));

        result.UnansweredQuestions.Should().Equal(Q.Fever);
    }

    [Fact]
    public void A_wound_sign_with_the_other_wound_question_unknown_is_still_present()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Yes(Q.WoundDischarge).Unknown(Q.WoundRednessOrSwelling));

        result.RuleIds().Should().Equal("wound-signs", "unresolved-red-flag");
    }

    [Fact]
    public void Fever_with_one_wound_question_no_and_the_other_unknown_is_fever_without_wound_signs()
    {
        var result = Engine.Evaluate(ReportBuilder.AllRedFlagsDenied().Measured(Temperature.Celsius(38.8m)).Unknown(Q.WoundDischarge));

        result.RuleIds().Should().Equal("fever", "unresolved-red-flag");
    }
}
