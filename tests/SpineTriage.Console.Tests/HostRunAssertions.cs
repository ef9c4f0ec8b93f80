using FluentAssertions;

namespace SpineTriage.Console.Tests;

public static class HostRunAssertions
{
    /// <summary>No input may make the host print a stack trace.</summary>
    public static void ShouldHaveNoStackTrace(this HostRun run)
    {
        run.Error.Should().NotContain("   at ");
        run.Output.Should().NotContain("   at ");
        run.Error.Should().NotContain("Exception");
    }

    /// <summary>Invalid input: exit 2, nothing on standard output, one clear line on standard error.</summary>
    public static void ShouldBeRefusedWithOneMessage(this HostRun run, string because)
    {
        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(because);
        run.ShouldHaveNoStackTrace();
    }
}
