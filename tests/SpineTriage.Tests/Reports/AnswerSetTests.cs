using FluentAssertions;
using SpineTriage.Reports;
using Q = SpineTriage.Reports.QuestionId;

namespace SpineTriage.Tests.Reports;

/// <summary>Answers are yes, no or unknown; a question not given reads as unknown, and the set remembers what was given.</summary>
public class AnswerSetTests
{
    [Fact]
    public void A_question_not_given_reads_as_unknown()
    {
        AnswerSet.Empty[Q.SaddleNumbness].Should().Be(Answer.Unknown);
        AnswerSet.Empty.IsGiven(Q.SaddleNumbness).Should().BeFalse();
    }

    [Fact]
    public void A_given_answer_reads_back()
    {
        var answers = AnswerSet.Of((Q.Fever, Answer.No), (Q.LumpOverHardware, Answer.Yes));

        answers[Q.Fever].Should().Be(Answer.No);
        answers[Q.LumpOverHardware].Should().Be(Answer.Yes);
        answers.Count.Should().Be(2);
    }

    [Fact]
    public void An_explicit_unknown_is_given()
    {
        AnswerSet.Of((Q.Fever, Answer.Unknown)).IsGiven(Q.Fever).Should().BeTrue();
    }

    [Fact]
    public void With_returns_a_new_set_and_leaves_the_original_unchanged()
    {
        var original = AnswerSet.Of((Q.Fever, Answer.No));

        var changed = original.With(Q.Fever, Answer.Yes);

        changed[Q.Fever].Should().Be(Answer.Yes);
        original[Q.Fever].Should().Be(Answer.No);
    }

    [Fact]
    public void Given_answers_enumerate_in_asking_order()
    {
        var answers = AnswerSet.Of((Q.ImagingShowsHardwareProblem, Answer.No), (Q.BladderOrBowelControlLoss, Answer.Yes), (Q.Fever, Answer.Unknown));

        answers.Select(a => a.Key).Should().Equal(Q.BladderOrBowelControlLoss, Q.Fever, Q.ImagingShowsHardwareProblem);
    }

    [Fact]
    public void WithNotGivenAs_answers_only_the_questions_not_given()
    {
        var answers = AnswerSet.Of((Q.Fever, Answer.Yes)).WithNotGivenAs(Answer.No);

        answers[Q.Fever].Should().Be(Answer.Yes);
        answers[Q.SaddleNumbness].Should().Be(Answer.No);
        answers[Q.NewSwallowingDifficulty].Should().Be(Answer.No);
        answers.Count.Should().Be(Q.WellKnown.Count, "every well-known question, those of the shipped rule sets");
    }

    [Fact]
    public void WithNotGivenAs_a_catalogue_answers_only_its_questions_not_given()
    {
        var answers = AnswerSet.Of((Q.Fever, Answer.Yes)).WithNotGivenAs(Answer.No, QuestionCatalogue.All);

        answers[Q.Fever].Should().Be(Answer.Yes);
        answers[Q.SaddleNumbness].Should().Be(Answer.No);
        answers.IsGiven(Q.NewSwallowingDifficulty).Should().BeFalse("rule set 1.0 does not have the question");
        answers.Count.Should().Be(QuestionCatalogue.Count);
    }

    [Fact]
    public void Sets_with_the_same_answers_are_equal()
    {
        AnswerSet.Of((Q.Fever, Answer.No), (Q.SaddleNumbness, Answer.Yes))
            .Equals(AnswerSet.Of((Q.SaddleNumbness, Answer.Yes), (Q.Fever, Answer.No))).Should().BeTrue();
    }

    [Fact]
    public void An_explicit_unknown_and_a_missing_answer_make_different_sets()
    {
        AnswerSet.Of((Q.Fever, Answer.Unknown)).Equals(AnswerSet.Empty).Should().BeFalse();
    }

    [Fact]
    public void A_report_keeps_its_own_copy_of_its_lists()
    {
        var riskFactors = new List<RiskFactor> { RiskFactor.Smoking };
        var report = new SymptomReport { SurgeryDate = new DateOnly(2026, 9, 1), RiskFactors = riskFactors };

        riskFactors.Add(RiskFactor.Diabetes);

        report.RiskFactors.Should().Equal(RiskFactor.Smoking);
    }
}
