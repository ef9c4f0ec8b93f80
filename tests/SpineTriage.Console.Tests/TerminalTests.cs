using FluentAssertions;
using Spectre.Console;
using SpineTriage.ConsoleHost;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.Engine;
using SpineTriage.TestSupport;

namespace SpineTriage.Console.Tests;

/// <summary>The interview at a terminal, with scripted keys: Ctrl-D ends the input as in a shell.</summary>
public class TerminalTests
{
    private static ConsoleKeyInfo Key(char c) => new(c, c is >= 'a' and <= 'z' ? ConsoleKey.A + (c - 'a') : 0, false, false, false);

    private static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, false, false, false);

    private static readonly ConsoleKeyInfo Backspace = new('\b', ConsoleKey.Backspace, false, false, false);

    private static readonly ConsoleKeyInfo CtrlD = new('\u0004', ConsoleKey.D, false, false, true);

    private static Func<ConsoleKeyInfo?> Keys(params ConsoleKeyInfo[] keys)
    {
        var queue = new Queue<ConsoleKeyInfo>(keys);
        return () => queue.Count > 0 ? queue.Dequeue() : null;
    }

    private static ConsoleKeyInfo[] Typed(string text, bool enter = true) => [.. text.Select(Key), .. enter ? [Enter] : Array.Empty<ConsoleKeyInfo>()];

    [Fact]
    public void Typed_characters_and_enter_give_the_line_with_backspace_erasing()
    {
        var echo = new List<string>();

        var line = TerminalLine.Read(Keys([.. Typed("yex", enter: false), Backspace, Key('s'), Enter]), echo.Add);

        line.Should().Be("yes");
        echo.Should().Contain("\b \b");
    }

    [Fact]
    public void Ctrl_d_on_an_empty_line_ends_the_input()
    {
        TerminalLine.Read(Keys(CtrlD, Key('y'), Enter), _ => { }).Should().BeNull();
    }

    [Fact]
    public void Ctrl_d_after_some_characters_is_ignored_as_in_a_shell()
    {
        TerminalLine.Read(Keys([Key('n'), CtrlD, Enter]), _ => { }).Should().Be("n");
    }

    [Fact]
    public void No_more_keys_ends_the_input()
    {
        TerminalLine.Read(Keys(Key('y')), _ => { }).Should().BeNull();
    }

    [Fact]
    public void Ctrl_d_at_a_terminal_prompt_stops_the_interview_with_exit_2_instead_of_not_understood()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var surgery = SpineTriageHost.Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var screen = new SpectreScreen(console, Keys([.. Typed(surgery), Enter, CtrlD]));

        var exitCode = InterviewSession.Run(new Conversation(new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }, TestClock.At(SpineTriageHost.Today))), screen);

        exitCode.Should().Be(ExitCodes.InvalidInput);
        output.ToString().Should().Contain("The input ended before the interview was complete").And.NotContain("Not understood");
    }

    [Fact]
    public void A_terminal_interview_with_typed_replies_gives_the_result()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var surgery = SpineTriageHost.Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var screen = new SpectreScreen(console, Keys([.. Typed(surgery), Enter, .. Typed("y")]));

        var exitCode = InterviewSession.Run(new Conversation(new TriageEngine(new TriageEngineOptions { RuleSet = SpineTriage.Rules.RuleSets.V1 }, TestClock.At(SpineTriageHost.Today))), screen);

        exitCode.Should().Be(ExitCodes.Success);
        output.ToString().Should().Contain("EMERGENCY (code 5)").And.Contain("Red-flag questions not asked");
    }
}
