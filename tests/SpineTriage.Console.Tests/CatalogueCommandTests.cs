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
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }).RuleSet;

        var run = Run("rules");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Be(TriageMarkdown.SerializeRuleSet(ruleSet));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Rules_as_text_or_markdown_is_the_markdown_catalogue(string format)
    {
        var run = Run("rules", "--format", format);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Be(TriageMarkdown.SerializeRuleSet(new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }).RuleSet));
    }

    [Fact]
    public void Questions_as_text_is_the_default_list()
    {
        var run = Run("questions", "--format", "text");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Be(Run("questions").Output).And.Contain(" RF ");
    }

    [Fact]
    public void Rules_as_json_is_the_rule_catalogue_json()
    {
        var run = Run("rules", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var catalogue = JsonDocument.Parse(run.Output);
        catalogue.RootElement.GetProperty("hash").GetString().Should().Be(new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }).RuleSet.Hash);
        catalogue.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Equal(new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }).RuleSet.Rules.Select(r => r.Id));
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

    [Theory]
    [InlineData("rules", "spinetriage: --format xml is not offered by rules: use text or json (markdown is accepted for text).")]
    [InlineData("questions", "spinetriage: --format xml is not offered by questions: use text or json.")]
    [InlineData("triage", "spinetriage: --format xml is not offered by triage: use text or json.")]
    public void Unknown_format_is_named_in_one_line_with_the_formats_of_the_command(string command, string message)
    {
        string[] input = command == "triage" ? ["--input", SampleReport("urgent-wound-redness.json")] : [];

        var run = Run([command, .. input, "--format", "xml"]);

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().Equal(message, $"Usage: see spinetriage {command} --help.");
    }

    [Theory]
    [InlineData("triage")]
    [InlineData("rules")]
    [InlineData("questions")]
    public void Every_command_with_a_format_offers_text_by_default_and_json(string command)
    {
        var run = Run(command, "--help");

        var format = run.OutputLines.Should().ContainSingle(l => l.TrimStart().StartsWith("--format", StringComparison.Ordinal)).Subject;
        format.Should().Contain("--format <text|json>").And.EndWith("[default: text]");
    }
}
