using System.Text.Json;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Rules;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary><c>--rule-set 1.0|2.0</c> on triage, rules, questions and interactive.</summary>
public class RuleSetOptionTests
{
    [Theory]
    [InlineData("triage")]
    [InlineData("rules")]
    [InlineData("questions")]
    [InlineData("interactive")]
    public void Every_command_that_uses_a_rule_set_offers_every_shipped_rule_set_with_3_0_the_default(string command)
    {
        var run = Run(command, "--help");

        var option = run.OutputLines.Should().ContainSingle(l => l.TrimStart().StartsWith("--rule-set <", StringComparison.Ordinal)).Subject;
        option.Should().Contain("--rule-set <1.0|2.0|3.0>").And.EndWith("[default: 3.0]");
    }

    [Theory]
    [InlineData("triage", "4.0")]
    [InlineData("rules", "1")]
    [InlineData("questions", "latest")]
    [InlineData("interactive", "1.0.1")]
    public void An_unknown_rule_set_is_a_one_line_usage_error_with_exit_2(string command, string value)
    {
        string[] input = command == "triage" ? ["--input", SampleReport("urgent-wound-bleeding.json")] : [];

        var run = Run([command, .. input, "--rule-set", value]);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.ErrorLines.Should().Equal(
            $"spinetriage: --rule-set {value} is not a rule set: use 1.0 or 2.0 or 3.0 (the default is 3.0).",
            $"Usage: see spinetriage {command} --help.");
    }

    [Fact]
    public void Triage_uses_rule_set_3_0_by_default_and_names_it_in_the_result()
    {
        var run = Run("triage", "--input", SampleReport("urgent-wound-bleeding.json"), "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var result = JsonDocument.Parse(run.Output);
        result.RootElement.GetProperty("ruleSet").GetProperty("version").GetString().Should().Be(new TriageEngine().RuleSet.Version).And.StartWith("3.");
    }

    [Fact]
    public void Triage_with_rule_set_1_0_rejects_an_answer_to_a_question_of_rule_set_2_0()
    {
        var run = Run("triage", "--rule-set", "1.0", "--input", SampleReport("urgent-wound-bleeding.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("$.answers.woundBleeding: unknown question id 'woundBleeding' for rule set 1.0");
    }

    [Fact]
    public void Triage_of_a_1_0_report_under_2_0_is_urgent_until_the_new_red_flags_are_answered()
    {
        var run = Run("triage", "--rule-set", "2.0", "--input", SampleReportV1("selfcare-expected-recovery.json"));

        run.ExitCode.Should().Be(0);
        run.OutputLines[0].Should().Be("URGENT (code 4): today, within hours");
        run.Output.Should().Contain("rule unresolved-red-flag").And.Contain("Red-flag questions not answered");
        run.Output.Should().Contain("  - drowsyConfusedOrSlowBreathing: ");
        run.OutputLines[^1].Should().StartWith($"Rule set {new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 }).RuleSet.Version}, ");
    }
}
