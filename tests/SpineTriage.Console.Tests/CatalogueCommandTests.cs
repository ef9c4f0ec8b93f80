using System.Text.Json;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Serialization;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public class CatalogueCommandTests
{
    [Fact]
    public void Rules_prints_the_markdown_catalogue_by_default()
    {
        var ruleSet = new TriageEngine().RuleSet;

        var run = Run("rules");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Be(ruleSet.ToMarkdown());
    }

    [Fact]
    public void Rules_as_json_is_the_rule_catalogue_json()
    {
        var run = Run("rules", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var catalogue = JsonDocument.Parse(run.Output);
        catalogue.RootElement.GetProperty("hash").GetString().Should().Be(new TriageEngine().RuleSet.Hash);
        catalogue.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Equal(new TriageEngine().RuleSet.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Questions_are_listed_in_asking_order_with_red_flags_marked()
    {
        var run = Run("questions");

        run.ExitCode.Should().Be(0);
        var listed = run.OutputLines.Where(l => l.Contains(". ", StringComparison.Ordinal) && char.IsDigit(l.TrimStart()[0])).ToList();
        listed.Should().HaveCount(QuestionCatalogue.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var question = QuestionCatalogue.All[i];
            listed[i].Should().Contain(question.JsonId).And.Contain(question.Text);
            listed[i].Contains(" RF ", StringComparison.Ordinal).Should().Be(question.IsRedFlag, question.JsonId);
        }
    }

    [Fact]
    public void Questions_as_json_is_the_question_catalogue_json()
    {
        var run = Run("questions", "--format", "json");

        run.ExitCode.Should().Be(0);
        run.Output.TrimEnd().Should().Be(TriageJson.SerializeQuestions());
    }

    [Theory]
    [InlineData("rules", "html")]
    [InlineData("questions", "markdown")]
    public void Unknown_format_is_a_usage_error(string command, string format)
    {
        var run = Run(command, "--format", format);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(format);
        run.ShouldHaveNoStackTrace();
    }
}
