using System.Diagnostics;
using System.Text;
using FluentAssertions;
using SpineTriage.ConsoleHost;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// File faults (docs/reliability.md): a missing, unreadable, directory, named-pipe or empty input gives one clear
/// message and exit 2, never a hang or an internal error; check visits each file once and names what it could not read
/// on its own line before the summary. The tests run as root, for whom no file is unreadable by permission, so an
/// unreadable input is a folder given as a file or a named pipe that nothing writes to.
/// </summary>
public sealed class FileFaultTests : IDisposable
{
    private static readonly string Cases = Path.Combine(RepositoryRoot, "tests", "SpineTriage.Tests", "TestData", "cases");

    private static readonly int CaseCount = Directory.GetFiles(Cases, "*.json").Length;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static HostRun RunWithOpenTimeout(TimeSpan timeout, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = SpineTriageCli.Run(args, ConsoleIO.Redirected([], output, error, timeout));
        return new HostRun(exitCode, output.ToString(), error.ToString());
    }

    private string NamedPipe(string name)
    {
        var path = Path.Combine(_folder.Path, name);
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
        return path;
    }

    private string CopyOfCases()
    {
        var folder = Path.Combine(_folder.Path, "cases");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Cases, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    [Fact]
    public void Check_follows_a_symbolic_link_loop_once_and_counts_each_case_once()
    {
        var cases = CopyOfCases();
        Directory.CreateSymbolicLink(Path.Combine(cases, "again"), ".");

        var run = Run("check", cases);

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Equal($"{CaseCount} passed, 0 failed");
    }

    [Fact]
    public void Check_runs_a_file_given_twice_or_reached_through_a_link_once()
    {
        var cases = CopyOfCases();
        var link = Path.Combine(_folder.Path, "link");
        Directory.CreateSymbolicLink(link, cases);
        var one = Directory.GetFiles(cases, "*.json")[0];

        var run = Run("check", cases, link, one, cases);

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().Equal($"{CaseCount} passed, 0 failed");
    }

    [Fact]
    public void Check_with_a_missing_path_beside_a_good_folder_names_it_before_the_summary_and_counts_it_failed()
    {
        var missing = Path.Combine(_folder.Path, "no-such-folder");

        var run = Run("check", Cases, missing);

        run.ExitCode.Should().Be(2);
        run.OutputLines.Should().Equal($"UNREADABLE {missing}: no such file or folder.", $"{CaseCount} passed, 1 failed");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Check_names_an_empty_case_file_and_a_named_pipe_without_a_writer_and_goes_on()
    {
        var empty = _folder.Write("empty.json", "");
        var pipe = NamedPipe("pipe.json");
        var one = Directory.GetFiles(Cases, "*.json").Order(StringComparer.Ordinal).First();

        var run = RunWithOpenTimeout(TimeSpan.FromMilliseconds(300), "check", empty, pipe, one);

        run.ExitCode.Should().Be(2);
        run.OutputLines.Should().HaveCount(3);
        run.OutputLines[0].Should().StartWith($"MALFORMED {empty}: the file is empty");
        run.OutputLines[1].Should().StartWith($"UNREADABLE {pipe}: ").And.Contain("named pipe (FIFO)");
        run.OutputLines[2].Should().Be("1 passed, 2 failed");
    }

    [Fact]
    public void Triage_of_a_named_pipe_that_nothing_writes_to_exits_2_without_hanging()
    {
        var pipe = NamedPipe("pipe.json");

        var run = RunWithOpenTimeout(TimeSpan.FromMilliseconds(300), "triage", "--input", pipe);

        run.ShouldBeRefusedWithOneMessage("named pipe (FIFO) that no program writes to");
    }

    [Fact]
    public async Task Triage_of_a_named_pipe_with_a_writer_reads_the_report()
    {
        var pipe = NamedPipe("pipe.json");
        var report = File.ReadAllBytes(SampleReportV1("urgent-wound-redness.json"));
        var writer = Task.Run(() =>
        {
            using var stream = new FileStream(pipe, FileMode.Open, FileAccess.Write);
            stream.Write(report);
        });

        var run = RunWithOpenTimeout(TimeSpan.FromSeconds(30), "triage", "--input", pipe);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("URGENT");
    }

    [Fact]
    public void Triage_of_a_file_over_1_MiB_names_the_too_large_code_in_json_errors()
    {
        var file = _folder.Write("big.json", Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024 + 1)));

        var run = Run("triage", "--rule-set", "1.0", "--input", file, "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("\"code\": \"tooLarge\"");
    }
}
