using FluentAssertions;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static string SampleLog => Path.Combine(RepositoryRoot, "samples", "audit", "records.jsonl");

    private static string ChainedLog => Path.Combine(RepositoryRoot, "samples", "audit", "chained.jsonl");

    private const string ChainedHead = "sha256:16e41c4c96f6565fcde0c4dca93bcdb3cfd29a7753c7ae8abd7b0a7276c8def7";

    private const string FeedbackHead = "sha256:3b83da18c10af004ecde26cab7dcb6639d641609ac3a441c587978cd013ca034";

    private static string FeedbackLog => Path.Combine(RepositoryRoot, "samples", "audit", "feedback.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Sample_log_replays_each_record_with_its_rule_set_line_and_reports_the_pre_1_0_record_as_unknown_with_exit_1()
    {
        var run = Run("replay", SampleLog);

        run.ExitCode.Should().Be(1);
        run.OutputLines.Should().HaveCount(7);
        run.OutputLines[^2].Should().StartWith("chain: none: 5 version-1 records are not chained");
        run.OutputLines[0].Should().StartWith("line 1: same: emergency [cauda-equina]; rule set changed (recorded 1.0.0").And.Contain(", now 1.1.0 ");
        run.OutputLines[3].Should().Be(
            "line 4: unknown rule set: recorded soon [new-or-worsening-pain]; the record names rule set version 0.9.0, of no line this console runs (1.0, 2.0, 3.0), so it was not replayed");
        run.OutputLines[4].Should().StartWith("line 5: no report:");
        run.OutputLines[^1].Should().Be("5 records: 3 same, 0 different, 1 no report, 0 report invalid, 0 malformed, 1 unknown rule set");
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

        run.OutputLines[^1].Should().Be("5 records: 3 same, 0 different, 1 no report, 0 report invalid, 0 malformed, 1 unknown rule set");
    }

    [Fact]
    public void Chained_sample_log_is_intact_prints_its_head_and_exits_0()
    {
        var run = Run("replay", ChainedLog);

        run.ExitCode.Should().Be(0);
        run.OutputLines.Should().HaveCount(6);
        run.OutputLines[^2].Should().Be($"chain: intact: 4 chained records (sha256); head {ChainedHead} (records cut from the end are detected only against a head kept elsewhere)");
        run.OutputLines[^1].Should().Be("4 records: 3 same, 0 different, 1 no report, 0 report invalid, 0 malformed");
    }

    [Fact]
    public void Record_without_report_whose_decision_was_changed_is_reported_and_exits_1()
    {
        var lines = File.ReadAllLines(ChainedLog);
        lines[3].Should().Contain("\"urgency\":\"urgent\",\"urgencyCode\":4");
        lines[3] = lines[3].Replace("\"urgency\":\"urgent\",\"urgencyCode\":4", "\"urgency\":\"routine\",\"urgencyCode\":2", StringComparison.Ordinal);
        var file = _folder.Write("changed.jsonl", string.Join("\n", lines));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(1);
        run.OutputLines[3].Should().StartWith("line 4: no report: recorded routine").And.Contain("CHAIN: altered");
        run.OutputLines[^2].Should().StartWith("chain: BROKEN: 1 of 4 records fail the chain check");
    }

    [Fact]
    public void Removed_record_is_reported_and_exits_1()
    {
        var lines = File.ReadAllLines(ChainedLog).ToList();
        lines.RemoveAt(1);
        var file = _folder.Write("removed.jsonl", string.Join("\n", lines));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(1);
        run.OutputLines[1].Should().Contain("CHAIN: broken link");
    }

    [Fact]
    public void Keyed_log_is_checked_with_the_key_file_and_fails_with_another_key()
    {
        var log = Path.Combine(RepositoryRoot, "samples", "audit", "records.jsonl");
        var key = SpineTriage.Audit.AuditKey.FromBytes(System.Text.Encoding.UTF8.GetBytes("console test key of thirty-two bytes or more"));
        var chain = new SpineTriage.Audit.AuditChain(key);
        var lines = File.ReadAllLines(log).Take(3).Select(l => chain.Append(SpineTriage.Audit.AuditRecord.ParseJsonLine(l).GetValueOrThrow()).ToJsonLine());
        var file = _folder.Write("keyed.jsonl", string.Join("\n", lines));
        var keyFile = _folder.Write("audit.key", "console test key of thirty-two bytes or more\n");
        var wrongKey = _folder.Write("wrong.key", "another key, also of thirty-two bytes or more\n");

        var right = Run("replay", file, "--key-file", keyFile);
        var wrong = Run("replay", file, "--key-file", wrongKey);
        var none = Run("replay", file);

        right.ExitCode.Should().Be(0);
        right.OutputLines[^2].Should().StartWith("chain: intact: 3 chained records (hmac-sha256, key checked); head " + chain.Head);
        wrong.ExitCode.Should().Be(1);
        wrong.OutputLines.Take(3).Should().OnlyContain(l => l.Contains("CHAIN: altered", StringComparison.Ordinal));
        none.ExitCode.Should().Be(0);
        none.OutputLines[^2].Should().Contain("3 keyed records not verified (no key given)");
    }

    [Fact]
    public void The_feedback_chain_is_checked_with_feedback_and_an_intact_one_exits_0()
    {
        var run = Run("replay", ChainedLog, "--feedback", FeedbackLog);

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines[^1].Should().Be("feedback chain: intact: 3 chained records (sha256); head " + FeedbackHead);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("removed")]
    public void A_tampered_feedback_record_breaks_the_feedback_chain_and_exits_1_as_a_broken_triage_chain_does(string tampering)
    {
        var lines = File.ReadAllLines(FeedbackLog).ToList();
        if (tampering == "changed")
        {
            lines[1] = lines[1].Replace("\"outcome\":\"accepted\"", "\"outcome\":\"overridden\"", StringComparison.Ordinal);
        }
        else
        {
            lines.RemoveAt(1);
        }

        var file = _folder.Write("feedback.jsonl", string.Join("\n", lines));

        var run = Run("replay", ChainedLog, "--feedback", file);

        run.ExitCode.Should().Be(1);
        run.OutputLines[^1].Should().StartWith($"feedback chain: BROKEN: 1 of {lines.Count} records fail the chain check (changed, removed, reordered or inserted records): line 2; head ");
        run.OutputLines.Should().Contain(l => l.StartsWith("chain: intact", StringComparison.Ordinal), "the triage chain is reported apart");
    }

    [Fact]
    public void A_feedback_line_that_is_not_json_exits_2()
    {
        var file = _folder.Write("feedback.jsonl", File.ReadAllLines(FeedbackLog)[0] + "\n{\"recordVersion\":2,");

        Run("replay", ChainedLog, "--feedback", file).ExitCode.Should().Be(2);
    }

    [Fact]
    public void A_key_file_with_a_byte_order_mark_and_a_line_break_gives_the_key_without_them_as_the_service_reads_it()
    {
        const string Key = "console test key of thirty-two bytes or more";
        var chain = new SpineTriage.Audit.AuditChain(SpineTriage.Audit.AuditKey.FromBytes(System.Text.Encoding.UTF8.GetBytes(Key)));
        var lines = File.ReadAllLines(SampleLog).Take(2).Select(l => chain.Append(SpineTriage.Audit.AuditRecord.ParseJsonLine(l).GetValueOrThrow()).ToJsonLine());
        var file = _folder.Write("keyed.jsonl", string.Join("\n", lines));
        var keyFile = Path.Combine(_folder.Path, "bom.key");
        File.WriteAllBytes(keyFile, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(" " + Key + "\r\n")]);

        var run = Run("replay", file, "--key-file", keyFile);

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines[^2].Should().StartWith("chain: intact: 2 chained records (hmac-sha256, key checked); head " + chain.Head);
    }

    [Fact]
    public void Key_file_that_is_too_short_or_missing_exits_2()
    {
        var shortKey = _folder.Write("short.key", "too short");

        Run("replay", ChainedLog, "--key-file", shortKey).ShouldBeRefusedWithOneMessage("needs at least 32");
        Run("replay", ChainedLog, "--key-file", Path.Combine(_folder.Path, "missing.key")).ExitCode.Should().Be(2);
    }

    [Fact]
    public void Empty_log_exits_2_with_a_clear_message()
    {
        var file = _folder.Write("empty.jsonl", "");
        var blank = _folder.Write("blank.jsonl", "\n  \n");

        Run("replay", file).ShouldBeRefusedWithOneMessage("holds no audit records");
        Run("replay", blank).ExitCode.Should().Be(2);
    }

    [Fact]
    public void Tampered_record_holding_patient_data_is_reported_without_it()
    {
        var first = File.ReadLines(SampleLog).First();
        var tampered = first
            .Replace("\"saddleNumbness\":\"yes\"", "\"saddleNumbness\":\"John Smith 1970-01-01 NHS 9434765919\"", StringComparison.Ordinal);
        var unknownName = first.Replace("{\"recordVersion\":1,", "{\"recordVersion\":1,\"John Smith 1970-01-01\":1,", StringComparison.Ordinal);
        var idNotText = first.Replace("\"reportId\":\"sample-0001\"", "\"reportId\":9434765919", StringComparison.Ordinal);
        var malformed = "{\"recordVersion\":1,\"time\":\"John Smith 1970-01-01 NHS 9434765919 " + new string('x', 200_000);
        var file = _folder.Write("tampered.jsonl", string.Join("\n", tampered, unknownName, idNotText, malformed));

        var run = Run("replay", file);

        run.ExitCode.Should().Be(2);
        (run.Output + run.Error).Should().NotContain("John").And.NotContain("9434765919").And.NotContain("1970");
        run.Output.Length.Should().BeLessThan(2000);
        run.OutputLines[0].Should().StartWith("line 1: report invalid: recorded emergency [cauda-equina]; $.report.answers.saddleNumbness:");
    }
}
