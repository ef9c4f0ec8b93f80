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
        run.Output.Should().Be(TriageMarkdown.SerializeRuleSet(ruleSet));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Rules_as_text_or_markdown_is_the_markdown_catalogue(string format)
    {
        var run = Run("rules", "--format", format);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Be(TriageMarkdown.SerializeRuleSet(new TriageEngine().RuleSet));
    }

    [Fact]
    public void Questions_as_text_is_the_default_list()
    {
        var run = Run("questions", "--format", "text");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Be(Run("questions").Output).And.Contain(" RF ");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void Rules_as_json_is_the_rule_catalogue_json_of_the_chosen_rule_set_naming_its_selector_and_version(string selector)
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;

        var run = Run("rules", "--format", "json", "--rule-set", selector);

        run.ExitCode.Should().Be(0);
        using var catalogue = JsonDocument.Parse(run.Output);
        catalogue.RootElement.EnumerateObject().Select(p => p.Name).Take(3).Should().Equal("version", "ruleSet", "hash");
        catalogue.RootElement.GetProperty("version").GetString().Should().Be(ruleSet.Version);
        catalogue.RootElement.GetProperty("ruleSet").GetString().Should().Be(selector);
        catalogue.RootElement.GetProperty("hash").GetString().Should().Be(ruleSet.Hash);
        catalogue.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Equal(ruleSet.Rules.Select(r => r.Id));
        JsonSerializer.Serialize(JsonDocument.Parse(TriageJson.SerializeRuleSet(ruleSet)).RootElement.GetProperty("rules"))
            .Should().Be(JsonSerializer.Serialize(catalogue.RootElement.GetProperty("rules")), "the rules are the library's, unchanged");
    }

    [Fact]
    public void Rules_as_markdown_of_rule_set_1_0_names_its_selector_and_version()
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }).RuleSet;

        var run = Run("rules", "--rule-set", "1.0");

        run.Output.Should().Be(TriageMarkdown.SerializeRuleSet(ruleSet));
        run.OutputLines[0].Should().Be($"# SpineTriage rule set {ruleSet.Version}");
        run.Output.Should().Contain("- Selector: `1.0`");
    }

    [Theory]
    [InlineData(new string[0], "3.0")]
    [InlineData(new[] { "--rule-set", "2.0" }, "2.0")]
    [InlineData(new[] { "--rule-set", "1.0" }, "1.0")]
    public void Questions_are_listed_in_asking_order_with_red_flags_marked_under_a_heading_naming_the_rule_set(string[] options, string selector)
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;

        var run = Run(["questions", .. options]);

        run.ExitCode.Should().Be(0);
        run.OutputLines[0].Should().StartWith($"Rule set {selector} (version {ruleSet.Version}): {ruleSet.Questions.Count} questions in asking order");
        var listed = run.OutputLines.Where(l => l.Contains(". ", StringComparison.Ordinal) && char.IsDigit(l.TrimStart()[0])).ToList();
        listed.Should().HaveCount(ruleSet.Questions.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var question = ruleSet.Questions[i];
            listed[i].Should().Contain(question.JsonId).And.Contain(question.Lead);
            listed[i].Contains(" RF ", StringComparison.Ordinal).Should().Be(question.IsRedFlag, question.JsonId);
        }
    }

    [Fact]
    public void Questions_of_rule_set_2_0_show_which_apply_always_after_neck_surgery_or_early_with_a_legend_in_the_librarys_words()
    {
        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = "2.0" }).RuleSet;

        var run = Run("questions", "--rule-set", "2.0");

        string Applies(QuestionId id) => run.OutputLines.Single(l => l.Contains($" {ruleSet.Questions.Single(q => q.Id == id).JsonId} ", StringComparison.Ordinal));
        Applies(QuestionId.NeckSwellingOrAirway).Should().Contain("applies: neck ");
        Applies(QuestionId.NewSwallowingDifficulty).Should().Contain("applies: neck ");
        Applies(QuestionId.WoundBleeding).Should().Contain("applies: early ");
        Applies(QuestionId.PainNotControlled).Should().Contain("applies: early ");
        Applies(QuestionId.BladderOrBowelControlLoss).Should().Contain("applies: always ");
        run.OutputLines.Count(l => l.Contains("applies: neck ", StringComparison.Ordinal)).Should().Be(2);
        run.OutputLines.Count(l => l.Contains("applies: early ", StringComparison.Ordinal)).Should().Be(5);
        run.OutputLines.Should().Contain($"  neck: {ruleSet.Questions.Single(q => q.Id == QuestionId.NeckSwellingOrAirway).Applicability}");
        run.OutputLines.Should().Contain($"  early: {ruleSet.Questions.Single(q => q.Id == QuestionId.WoundBleeding).Applicability}");
    }

    [Fact]
    public void Questions_of_rule_set_1_0_all_apply_always_and_need_no_legend()
    {
        var run = Run("questions", "--rule-set", "1.0");

        run.OutputLines.Where(l => l.Contains("applies: ", StringComparison.Ordinal)).Should().HaveCount(18).And.OnlyContain(l => l.Contains("applies: always ", StringComparison.Ordinal));
        run.Output.Should().NotContain("  neck: ").And.NotContain("  early: ");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public void Questions_as_json_is_the_question_catalogue_json_of_the_chosen_rule_set(string selector)
    {
        var run = Run("questions", "--format", "json", "--rule-set", selector);

        run.ExitCode.Should().Be(0);
        run.Output.TrimEnd().Should().Be(TriageJson.SerializeQuestions(new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet));
        using var catalogue = JsonDocument.Parse(run.Output);
        catalogue.RootElement.GetProperty("ruleSet").GetString().Should().Be(selector);
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
