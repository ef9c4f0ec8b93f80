using System.CommandLine;
using Spectre.Console;
using SpineTriage.ConsoleHost.Screens;
using SpineTriage.Engine;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage</c> or <c>spinetriage interactive</c>: asks the questions as a nurse line would and prints the result.
/// </summary>
internal static class InteractiveCommand
{
    public static Command Create(Lazy<TriageEngine> engine, ConsoleIO io)
    {
        var command = new Command(
            "interactive",
            "Asks the questions in asking order, as a nurse line would, stops once no answer can raise the urgency, and prints the result. "
            + "With redirected input or output it reads one reply per line and prints plain text.");
        command.SetAction(_ => Run(engine.Value, io));
        return command;
    }

    public static int Run(TriageEngine engine, ConsoleIO io)
    {
        IInterviewScreen screen = !io.InputIsTerminal || !io.OutputIsTerminal
            ? new PlainScreen(io.In, io.Out, io.Error)
            : new SpectreScreen(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Out) }));
        return InterviewSession.Run(new Interview(engine), screen);
    }
}
