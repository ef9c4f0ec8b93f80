using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public class UsageTests
{
    [Theory]
    [InlineData("", "spinetriage [command] [options]")]
    [InlineData("interactive", "spinetriage interactive [options]")]
    [InlineData("triage", "spinetriage triage [options]")]
    [InlineData("check", "spinetriage check <PATH>... [options]")]
    [InlineData("rules", "spinetriage rules [options]")]
    [InlineData("questions", "spinetriage questions [options]")]
    [InlineData("replay", "spinetriage replay [<FILE>] [options]")]
    [InlineData("ruleset", "spinetriage ruleset [command] [options]")]
    public void Help_is_available_on_every_command(string command, string usage)
    {
        var run = Run(command.Length == 0 ? ["--help"] : [command, "--help"]);

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Usage:").And.Contain(usage);
        run.Error.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("triage")]
    [InlineData("replay")]
    public void Help_as_a_word_prints_what_the_help_option_prints(string command)
    {
        var asOption = Run(command.Length == 0 ? ["--help"] : [command, "--help"]);

        var asWord = Run(command.Length == 0 ? ["help"] : ["help", command]);

        asWord.ExitCode.Should().Be(0);
        asWord.Output.Should().Be(asOption.Output);
        asWord.Error.Should().BeEmpty();
    }

    [Fact]
    public void Help_for_a_command_that_does_not_exist_is_a_usage_error()
    {
        var run = Run("help", "diagnose");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("diagnose");
    }

    [Fact]
    public void Version_prints_the_host_version()
    {
        var run = Run("--version");

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Equal("2.0.0");
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("triage")]
    [InlineData("triage", "--input")]
    [InlineData("triage", "--input", "a.json", "--format", "xml")]
    [InlineData("triage", "--input", "a.json", "--verbose")]
    [InlineData("check")]
    [InlineData("--version", "rules")]
    public void Usage_error_exits_2_with_a_hint_and_no_stack_trace(params string[] args)
    {
        var run = Run(args);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.ErrorLines[^1].Should().StartWith("Usage: see spinetriage");
        run.ShouldHaveNoStackTrace();
    }
}
