using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary><c>--language en|es</c> on the commands that show patient texts: triage, rules, questions and interactive (issue 11 point 4).</summary>
public class LanguageOptionTests
{
    [Theory]
    [InlineData("triage")]
    [InlineData("rules")]
    [InlineData("questions")]
    [InlineData("interactive")]
    public void Every_command_that_shows_patient_texts_offers_en_and_es_with_en_the_default(string command)
    {
        var run = Run(command, "--help");

        var option = run.OutputLines.Should().ContainSingle(l => l.TrimStart().StartsWith("--language", StringComparison.Ordinal)).Subject;
        option.Should().Contain("--language <en|es>").And.EndWith("[default: en]");
    }

    [Theory]
    [InlineData("triage", "fr")]
    [InlineData("rules", "ES")]
    [InlineData("questions", "spanish")]
    [InlineData("interactive", "es-ES")]
    public void An_unknown_language_is_a_one_line_usage_error_with_exit_2(string command, string value)
    {
        string[] input = command == "triage" ? ["--input", SampleReport("urgent-wound-bleeding.json")] : [];

        var run = Run([command, .. input, "--language", value]);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.ErrorLines.Should().Equal(
            $"spinetriage: --language {value} is not a language: use en (English, the default) or es (Spanish).",
            $"Usage: see spinetriage {command} --help.");
    }

    [Theory]
    [InlineData("questions")]
    [InlineData("rules")]
    public void English_given_explicitly_prints_exactly_what_the_default_prints(string command)
    {
        var byDefault = Run(command);
        var english = Run(command, "--language", "en");

        english.ExitCode.Should().Be(0);
        english.Output.Should().Be(byDefault.Output);
    }

    [Fact]
    public void Spanish_triage_gives_the_same_decision_as_english()
    {
        var report = SampleReport("urgent-wound-bleeding.json");

        var english = Run("triage", "--input", report, "--format", "json");
        var spanish = Run("triage", "--input", report, "--format", "json", "--language", "es");

        spanish.ExitCode.Should().Be(0);
        english.ExitCode.Should().Be(0);
        Urgency(spanish.Output).Should().Be(Urgency(english.Output)).And.Be("urgent");
    }

    private static string Urgency(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("urgency").GetString()!;
    }
}
