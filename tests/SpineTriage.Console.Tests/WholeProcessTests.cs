using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// The few things only a real process shows: the exit code the shell sees, the process's own standard streams
/// (help, the version, piped input), and an interview on redirected streams. Everything else runs in-process.
/// </summary>
public class WholeProcessTests
{
    private static string SampleLog => Path.Combine(RepositoryRoot, "samples", "audit", "records.jsonl");

    private static string SharedCases => Path.Combine(RepositoryRoot, "tests", "SpineTriage.Tests", "TestData", "cases");

    public static TheoryData<string[], int> ExitCodes => new()
    {
        { ["check", SharedCases], 0 },
        { ["replay", SampleLog], 1 },
        { ["diagnose"], 2 },
    };

    [Theory]
    [MemberData(nameof(ExitCodes))]
    public void Process_exits_with_the_code_of_the_command(string[] args, int exitCode)
    {
        var run = RunProcess(args);

        run.ExitCode.Should().Be(exitCode);
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Process_writes_the_result_to_standard_output_and_nothing_to_standard_error()
    {
        var run = RunProcess("triage", "--rule-set", "1.0", "--input", SampleReportV1("urgent-wound-redness.json"));

        run.ExitCode.Should().Be(0);
        run.OutputLines[0].Should().Be("URGENT (code 4): today, within hours");
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public void Process_writes_input_errors_to_standard_error_and_nothing_to_standard_output()
    {
        var run = RunProcess("triage", "--rule-set", "1.0", "--input", SampleReportV1("invalid-misspelt-red-flag.json"));

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.ErrorLines[0].Should().Be("spinetriage: the report is invalid (4 errors):");
    }

    [Fact]
    public void Process_prints_help_on_standard_output()
    {
        var run = RunProcess("--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Usage:").And.Contain("spinetriage [command] [options]");
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public void Process_prints_the_host_version()
    {
        var run = RunProcess("--version");

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Equal("2.0.0");
    }

    [Fact]
    public void Interview_on_piped_input_is_plain_text_and_a_yes_to_bladder_control_loss_is_an_emergency()
    {
        // A process reads the machine's clock: the assessment date is given, so no reply depends on today.
        var run = RunProcess([], "2026-01-01\n2026-01-31\n\ny\n");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("[1/").And.Contain("EMERGENCY (code 5): now");
        run.Output.Should().NotContain("\u001b[", "redirected output gets no terminal escape codes");
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public void Interview_whose_piped_input_ends_exits_2_without_a_result()
    {
        var run = RunProcess(["interactive"], "");

        run.ExitCode.Should().Be(2);
        run.Output.Should().NotContain("(code ");
        run.Error.Should().Contain("input ended");
        run.ShouldHaveNoStackTrace();
    }
}
