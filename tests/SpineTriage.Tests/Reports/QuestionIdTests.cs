using System.Text.Json;
using FluentAssertions;
using SpineTriage.Reports;

namespace SpineTriage.Tests.Reports;

/// <summary>A question id is a string-backed value: the well-known members of the shipped rule sets, and a local edition's own.</summary>
public class QuestionIdTests
{
    [Fact]
    public void A_well_known_member_is_its_json_id_and_says_so()
    {
        QuestionId.Fever.Id.Should().Be("fever");
        QuestionId.BladderOrBowelControlLoss.ToString().Should().Be("bladderOrBowelControlLoss");
        QuestionId.Fever.IsWellKnown.Should().BeTrue();
        QuestionId.WellKnown.Should().OnlyHaveUniqueItems().And.Contain([QuestionId.Fever, QuestionId.NewSwallowingDifficulty]);
        QuestionId.WellKnown.Select(q => q.Id).Should().OnlyContain(id => id.Length > 0 && char.IsAsciiLetterLower(id[0]));
    }

    [Fact]
    public void The_well_known_members_are_listed_in_the_order_of_their_ranks_each_found_by_its_text()
    {
        QuestionId.WellKnown.Order().Should().Equal(QuestionId.WellKnown);
        QuestionId.WellKnown.Should().OnlyContain(q => QuestionId.Of(q.Id) == q && q.IsWellKnown);
        typeof(QuestionId).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(QuestionId)).Select(f => (QuestionId)f.GetValue(null)!)
            .Should().BeEquivalentTo(QuestionId.WellKnown, "every member is listed");
        AnswerSet.Empty.WithNotGivenAs(Answer.No).Count.Should().Be(QuestionId.WellKnown.Count);
    }

    [Fact]
    public void Of_the_text_of_a_well_known_question_is_that_member()
    {
        var fever = QuestionId.Of("fever");

        fever.Should().Be(QuestionId.Fever);
        (fever == QuestionId.Fever).Should().BeTrue();
        fever.GetHashCode().Should().Be(QuestionId.Fever.GetHashCode());
        fever.IsWellKnown.Should().BeTrue();
    }

    [Fact]
    public void Of_makes_the_id_of_a_question_a_local_edition_adds()
    {
        var own = QuestionId.Of("anticoagulantTaken");

        own.Id.Should().Be("anticoagulantTaken");
        own.IsWellKnown.Should().BeFalse();
        own.Should().Be(QuestionId.Of("anticoagulantTaken")).And.NotBe(QuestionId.Of("anticoagulanttaken"), "ids are case-sensitive");
        own.GetHashCode().Should().Be(QuestionId.Of("anticoagulantTaken").GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Fever")]
    [InlineData("1fever")]
    [InlineData("wound-discharge")]
    [InlineData("wound discharge")]
    [InlineData("féver")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345")]
    public void Of_refuses_a_text_that_is_not_of_the_id_grammar(string text)
    {
        var act = () => QuestionId.Of(text);

        act.Should().Throw<ArgumentException>().WithParameterName("id");
        QuestionId.TryParse(text, out var question).Should().BeFalse();
        question.Should().Be(default(QuestionId));
    }

    [Fact]
    public void The_longest_id_has_64_characters()
    {
        QuestionId.TryParse("a" + new string('b', 63), out var longest).Should().BeTrue();
        longest.Id.Should().HaveLength(QuestionId.MaxLength);
    }

    [Fact]
    public void Ids_order_the_well_known_questions_first_in_member_order_then_the_others_by_text()
    {
        QuestionId[] ids = [QuestionId.Of("zeta"), QuestionId.NewSwallowingDifficulty, QuestionId.Of("alpha"), QuestionId.BladderOrBowelControlLoss, QuestionId.Fever];

        ids.Order().Should().Equal(QuestionId.BladderOrBowelControlLoss, QuestionId.Fever, QuestionId.NewSwallowingDifficulty, QuestionId.Of("alpha"), QuestionId.Of("zeta"));
        (QuestionId.Fever < QuestionId.Of("alpha")).Should().BeTrue();
    }

    [Fact]
    public void An_id_is_written_and_read_as_its_json_string_also_as_a_property_name()
    {
        JsonSerializer.Serialize(QuestionId.Fever).Should().Be("\"fever\"");
        JsonSerializer.Deserialize<QuestionId>("\"anticoagulantTaken\"").Should().Be(QuestionId.Of("anticoagulantTaken"));
        JsonSerializer.Serialize(new Dictionary<QuestionId, int> { [QuestionId.SaddleNumbness] = 1 }).Should().Be("{\"saddleNumbness\":1}");
        var act = () => JsonSerializer.Deserialize<QuestionId>("\"Not An Id\"");
        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void An_answer_set_holds_answers_to_a_local_editions_questions_after_the_well_known_ones()
    {
        var own = QuestionId.Of("anticoagulantTaken");
        var answers = AnswerSet.Of((own, Answer.Yes), (QuestionId.Fever, Answer.No));

        answers[own].Should().Be(Answer.Yes);
        answers.IsGiven(QuestionId.Of("otherQuestion")).Should().BeFalse();
        answers.Select(a => a.Key).Should().Equal(QuestionId.Fever, own);
        answers.Equals(AnswerSet.Empty.With(QuestionId.Fever, Answer.No).With(own, Answer.Yes)).Should().BeTrue();
        answers.With(own, Answer.No)[own].Should().Be(Answer.No);
        var twice = () => AnswerSet.Of((own, Answer.Yes), (QuestionId.Of("anticoagulantTaken"), Answer.No));
        twice.Should().Throw<ArgumentException>();
    }
}
