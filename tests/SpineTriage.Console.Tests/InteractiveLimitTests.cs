using System.Globalization;
using FluentAssertions;
using SpineTriage.ConsoleHost;
using SpineTriage.ConsoleHost.Screens;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// The interactive command is bounded and never crashes, whatever is redirected: a reply is read up to 4096 characters
/// (the rest of a longer line is dropped unread), its echo is cut to 40 characters, and the terminal screen reads keys
/// through the host, so a redirected standard error changes nothing.
/// </summary>
public class InteractiveLimitTests
{
    private static string SurgeryDate => Today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_reply_longer_than_4096_characters_is_not_understood_and_its_echo_is_cut_to_40_characters()
    {
        var longReply = new string('y', 5_000_000);

        var run = Run(["interactive", "--rule-set", "1.0"], string.Join("\n", SurgeryDate, "", longReply, "y") + "\n");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Not understood: Your reply is longer than 4096 characters");
        run.OutputLines.Should().Contain("> " + new string('y', 40) + "…");
        run.OutputLines.Should().OnlyContain(line => line.Length < 1000);
        run.Output.Should().Contain("EMERGENCY (code 5)");
    }

    [Fact]
    public void A_reply_of_exactly_4096_characters_is_read_as_a_reply()
    {
        var run = Run(["interactive", "--rule-set", "1.0"], string.Join("\n", SurgeryDate, "", new string(' ', 4095) + "y") + "\n");

        run.ExitCode.Should().Be(0);
        run.Output.Should().NotContain("longer than").And.Contain("EMERGENCY (code 5)");
    }

    [Fact]
    public void Bounded_line_keeps_one_character_more_than_allowed_and_drops_the_rest_of_the_line()
    {
        using var reader = new StringReader(new string('x', 10_000) + "\r\nnext\rlast");

        BoundedLine.Read(reader, 4096).Should().HaveLength(4097);
        BoundedLine.Read(reader, 4096).Should().Be("next");
        BoundedLine.Read(reader, 4096).Should().Be("last");
        BoundedLine.Read(reader, 4096).Should().BeNull();
    }

    [Fact]
    public void At_a_terminal_with_standard_error_redirected_the_interview_reads_keys_and_gives_the_result()
    {
        var keys = new Queue<char>(SurgeryDate + "\r\r\ry\r");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new ConsoleIO(() => Stream.Null, () => TextReader.Null, output, error, inputIsTerminal: true, outputIsTerminal: true, errorIsTerminal: false)
        {
            ReadKey = () => keys.Count > 0 ? new ConsoleKeyInfo(keys.Peek(), keys.Dequeue() == '\r' ? ConsoleKey.Enter : 0, false, false, false) : null,
        };

        var exitCode = SpineTriageCli.Run([], io);

        exitCode.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("EMERGENCY (code 5)");
        error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void At_a_terminal_whose_keys_cannot_be_read_the_interview_ends_with_exit_2_not_an_internal_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new ConsoleIO(() => Stream.Null, () => TextReader.Null, output, error, inputIsTerminal: true, outputIsTerminal: true, errorIsTerminal: false);

        var exitCode = SpineTriageCli.Run([], io);

        exitCode.Should().Be(ExitCodes.InvalidInput);
        output.ToString().Should().Contain("The input ended before the interview was complete");
    }

    [Fact]
    public void A_terminal_line_keeps_at_most_one_character_more_than_allowed()
    {
        var keys = new Queue<ConsoleKeyInfo>([.. Enumerable.Repeat(new ConsoleKeyInfo('x', ConsoleKey.X, false, false, false), 10), new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false)]);

        TerminalLine.Read(() => keys.Count > 0 ? keys.Dequeue() : null, _ => { }, keep: 4).Should().Be("xxxxx");
    }
}
