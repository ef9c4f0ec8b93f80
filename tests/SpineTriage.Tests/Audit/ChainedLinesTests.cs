using System.Text;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Audit;

/// <summary>
/// The chain check of a log that is not triage records (the service's feedback log), and the one rule for a key kept
/// as text, shared by the service and the console.
/// </summary>
public class ChainedLinesTests
{
    private static readonly string[] Feedback = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "samples", "audit", "feedback.jsonl"));

    [Fact]
    public void The_sample_feedback_log_is_an_intact_chain()
    {
        var report = ChainedLines.Verify(Feedback, key: null);

        report.IsIntact.Should().BeTrue();
        report.Records.Should().Be(3);
        report.Summary("feedback chain").Should().Be("feedback chain: intact: 3 chained records (sha256); head sha256:3b83da18c10af004ecde26cab7dcb6639d641609ac3a441c587978cd013ca034");
    }

    [Theory]
    [InlineData("changed", 2)]
    [InlineData("removed", 2)]
    [InlineData("swapped", 2)]
    public void A_changed_removed_or_reordered_record_fails_the_chain_check_at_its_line(string tampering, int line)
    {
        var lines = Feedback.ToList();
        switch (tampering)
        {
            case "changed":
                lines[1] = lines[1].Replace("\"outcome\":\"accepted\"", "\"outcome\":\"overridden\"", StringComparison.Ordinal);
                break;
            case "removed":
                lines.RemoveAt(1);
                break;
            default:
                (lines[1], lines[2]) = (lines[2], lines[1]);
                break;
        }

        var report = ChainedLines.Verify(lines, key: null);

        report.IsIntact.Should().BeFalse();
        report.FailedLines[0].Should().Be(line);
        report.Summary("feedback chain").Should().StartWith("feedback chain: BROKEN: ");
    }

    [Fact]
    public void An_unkeyed_record_in_a_chain_checked_with_a_key_fails_and_a_line_that_is_not_json_is_malformed()
    {
        var key = AuditKey.FromBytes(Encoding.UTF8.GetBytes("exactly thirty-two bytes of key!"));

        ChainedLines.Verify(Feedback, key).Failures.Should().Be(3);
        ChainedLines.Verify([Feedback[0], "{\"recordVersion\":2,"], key: null).Malformed.Should().Be(1);
    }

    [Theory]
    [InlineData("the key of thirty-two bytes or more", "the key of thirty-two bytes or more")]
    [InlineData("the key of thirty-two bytes or more\n", "the key of thirty-two bytes or more")]
    [InlineData("\uFEFF \tthe key of thirty-two bytes or more\r\n\r\n", "the key of thirty-two bytes or more")]
    [InlineData("a key\twith inner  whitespace kept as it is\n", "a key\twith inner  whitespace kept as it is")]
    public void A_key_file_loses_its_byte_order_mark_and_surrounding_whitespace_only(string file, string key)
    {
        Encoding.UTF8.GetString(AuditKey.KeyBytesOf(Encoding.UTF8.GetBytes(file))).Should().Be(key);
    }

    [Fact]
    public void A_key_file_shorter_than_32_bytes_without_its_whitespace_is_refused()
    {
        var shortKey = () => AuditKey.FromKeyText(Encoding.UTF8.GetBytes("   a short key" + new string(' ', 40) + "\n"));

        shortKey.Should().Throw<ArgumentException>();
    }
}
