using System.Text.RegularExpressions;
using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public partial class ConsoleIOTests
{
    private static readonly string[] AllowedFiles = ["ConsoleIO.cs", "Program.cs"];

    [Fact]
    public void Only_ConsoleIO_and_Program_touch_the_system_console_so_every_command_runs_in_process()
    {
        var host = Path.Combine(RepositoryRoot, "samples", "SpineTriage.Console");
        var sources = Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        sources.Should().Contain(f => Path.GetFileName(f) == "ConsoleIO.cs", "the scan must see the host's sources");
        var offending = sources
            .Where(f => !AllowedFiles.Contains(Path.GetFileName(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(host, f), Line: i + 1, Text: line)))
            .Where(l => SystemConsoleUse().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offending.Should().BeEmpty();
    }

    [Fact]
    public void The_scan_recognises_uses_of_the_system_console()
    {
        SystemConsoleUse().IsMatch("Console.Out.WriteLine(x);").Should().BeTrue();
        SystemConsoleUse().IsMatch("System.Console.Error.WriteLine(x);").Should().BeTrue();
        SystemConsoleUse().IsMatch("var line = Console.ReadLine();").Should().BeTrue();
        SystemConsoleUse().IsMatch("if (Console.IsInputRedirected)").Should().BeTrue();
        SystemConsoleUse().IsMatch("using var stdin = Console.OpenStandardInput();").Should().BeTrue();
        SystemConsoleUse().IsMatch("new SpectreScreen(AnsiConsole.Create(settings))").Should().BeFalse();
        SystemConsoleUse().IsMatch("io.Out.WriteLine(x);").Should().BeFalse();
    }

    // Console.X for any member of System.Console; AnsiConsole (Spectre) and io.Out do not match.
    [GeneratedRegex(@"(?<![\w])(?:global::)?(?:System\.)?Console\.[A-Z]")]
    private static partial Regex SystemConsoleUse();
}
