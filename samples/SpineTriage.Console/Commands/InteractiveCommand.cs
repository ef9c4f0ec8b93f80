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
    public static Command Create(Lazy<TriageEngine> engine)
    {
        var command = new Command(
            "interactive",
            "Asks the questions in asking order, as a nurse line would, stops once no answer can raise the urgency, and prints the result. "
            + "With redirected input or output it reads one reply per line and prints plain text.");
        command.SetAction(_ => Run(engine.Value));
        return command;
    }

    public static int Run(TriageEngine engine)
    {
        IInterviewScreen screen = Console.IsInputRedirected || Console.IsOutputRedirected
            ? new PlainScreen(Console.In, Console.Out, Console.Error)
            : new SpectreScreen(AnsiConsole.Console);
        return InterviewSession.Run(new Interview(engine), screen);
    }
}
