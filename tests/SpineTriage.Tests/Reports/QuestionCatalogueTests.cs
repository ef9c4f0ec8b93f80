using FluentAssertions;
using SpineTriage.Reports;
using SpineTriage.Serialization;

namespace SpineTriage.Tests.Reports;

/// <summary>The questions of clinical-criteria.md section 3, in asking order, with their red-flag marks.</summary>
public class QuestionCatalogueTests
{
    /// <summary>The question table of clinical-criteria.md section 3, written out from the document.</summary>
    private static readonly (string Id, bool RedFlag)[] Criteria =
    [
        ("bladderOrBowelControlLoss", true),
        ("saddleNumbness", true),
        ("newOrWorseningLimbWeakness", true),
        ("suddenSeverePainAfterFallOrInjury", true),
        ("fever", true),
        ("woundDischarge", true),
        ("woundRednessOrSwelling", true),
        ("chestPainOrBreathlessness", true),
        ("newOrWorseningLimbNumbness", true),
        ("calfPainOrSwelling", true),
        ("painReturnedAfterImprovement", false),
        ("newOrWorseningPain", false),
        ("instabilityOrMovement", false),
        ("radiatingLimbPain", false),
        ("localizedTenderness", false),
        ("painWorseWithMovement", false),
        ("lumpOverHardware", false),
        ("imagingShowsHardwareProblem", false),
    ];

    [Fact]
    public void The_catalogue_has_the_questions_of_the_criteria_in_asking_order_with_their_red_flag_marks()
    {
        QuestionCatalogue.All.Select(q => (q.JsonId, q.IsRedFlag)).Should().Equal(Criteria);
    }

    [Fact]
    public void The_asking_order_is_numbered_from_1()
    {
        QuestionCatalogue.All.Select(q => q.Order).Should().Equal(Enumerable.Range(1, Criteria.Length));
    }

    [Fact]
    public void The_red_flags_are_the_first_ten_questions()
    {
        QuestionCatalogue.RedFlags.Should().Equal(QuestionCatalogue.All.Take(10));
    }

    [Fact]
    public void Every_question_has_its_plain_language_text()
    {
        // A question of several signs asks its lead, then lists the signs and says to answer yes if any is true (issue 27).
        QuestionCatalogue.All.Should().AllSatisfy(q => q.Lead.Should().EndWith("?"));
        QuestionCatalogue.All.Where(q => q.Signs.Count == 0).Should().AllSatisfy(q => q.Text.Should().Be(q.Lead));
        QuestionCatalogue.All.Where(q => q.Signs.Count > 0).Should().AllSatisfy(q =>
            q.Text.Should().Be(string.Join('\n', [q.Lead, q.AnswerHint!, .. q.Signs.Select(s => "- " + s)])).And.Contain("\nAnswer yes if any of these is true.\n- "));
        QuestionCatalogue.Get(QuestionId.SaddleNumbness).Text.Should().Be("Do you have new numbness around your genitals, buttocks or inner thighs?");
    }

    [Fact]
    public void A_question_is_found_by_its_JSON_id_case_sensitively()
    {
        QuestionCatalogue.TryGet("saddleNumbness", out var question).Should().BeTrue();
        question!.Id.Should().Be(QuestionId.SaddleNumbness);
        QuestionCatalogue.TryGet("SaddleNumbness", out _).Should().BeFalse();
    }

    [Fact]
    public void The_question_catalogue_JSON_lists_every_question_in_asking_order()
    {
        using var json = System.Text.Json.JsonDocument.Parse(TriageJson.SerializeQuestions());

        json.RootElement.GetProperty("questions").EnumerateArray()
            .Select(q => (q.GetProperty("id").GetString()!, q.GetProperty("redFlag").GetBoolean()))
            .Should().Equal(Criteria);
    }
}
