using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static string SampleLog => Path.Combine(RepositoryRoot, "samples", "audit", "records.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Sample_log_replays_each_record_and_flags_the_changed_decision_with_exit_1()
    {
        var run = Run("replay", SampleLog);

        run.ExitCode.Should().Be(1);
        run.OutputLines.Should().HaveCount(6);
        run.OutputLines[0].Should().StartWith("line 1: same: emergency [cauda-equina]");
        run.OutputLines[3].Should().StartWith("line 4: different: recorded soon [new-or-worsening-pain], now urgent");
        run.OutputLines[4].Should().StartWith("line 5: no report:");
        run.OutputLines[^1].Should().Be("5 records: 3 same, 1 different, 1 no report, 0 report invalid, 0 malformed");
    }

    [Fact]
    public void Replay_prints_no_report_id_or_answers()
    {
        var run = Run("replay", SampleLog);

        run.Output.Should().NotContain("sample-0001").And.NotContain("saddleNumbness").And.NotContain("surgeryDate");
    }

    [Fact]
    public void Log_whose_records_all_replay_the_same_exits_0()
    {
        var sameOnly = File.ReadLines(SampleLog).Where(l => l.Contains("\"urgency\":\"emergency\"", StringComparison.Ordinal)).ToArray();
        var file = _folder.Write("same.jsonl", string.Join("\n", sameOnly));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(0);
        run.OutputLines[^1].Should().StartWith("1 records: 1 same");
    }

    [Fact]
    public void Record_whose_report_was_altered_is_report_invalid_and_exits_1()
    {
        var first = File.ReadLines(SampleLog).First();
        first.Should().Contain("\"painScore\":6");
        var file = _folder.Write("altered.jsonl", first.Replace("\"painScore\":6", "\"painScore\":2", StringComparison.Ordinal));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(1);
        run.OutputLines[^1].Should().Be("1 records: 0 same, 0 different, 0 no report, 1 report invalid, 0 malformed");
    }

    [Fact]
    public void Line_that_is_not_an_audit_record_exits_2_without_a_stack_trace()
    {
        var file = _folder.Write("broken.jsonl", "{\"recordVersion\":1,\n[1,2,3]\n");

        var run = Run("replay", file);

        run.ExitCode.Should().Be(2);
        run.OutputLines[0].Should().StartWith("line 1: malformed:");
        run.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Missing_log_exits_2_with_one_message()
    {
        var run = Run("replay", Path.Combine(_folder.Path, "missing.jsonl"));

        run.ExitCode.Should().Be(2);
        run.ShouldBeRefusedWithOneMessage("no such file");
    }

    [Fact]
    public void Replay_reads_standard_input_for_a_dash()
    {
        var run = RunProcess(["replay", "-"], File.ReadAllText(SampleLog));

        run.OutputLines[^1].Should().Be("5 records: 3 same, 1 different, 1 no report, 0 report invalid, 0 malformed");
    }
}
