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
    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var ruleSet = RuleSetEngines.Option(RuleSetEngines.OptionName, "The rule set whose questions are asked and which triages the answers: 2.0 (the default) or 1.0.");
        var language = ConsoleLanguages.Option("The language of the patient texts: en (English, the default) or es (Spanish, translation to be reviewed before clinical use).");
        var command = new Command(
            "interactive",
            "Asks the dates, whether the operation included the neck (rule set 2.0), then the questions that apply in asking order, as a nurse line would; "
            + "stops once no answer can raise the urgency, and prints the result. "
            + "With redirected input or output it reads one reply per line and prints plain text, each reply echoed on a line starting with '> '.")
        {
            ruleSet,
            language,
        };
        command.SetAction(parsed =>
        {
            var chosen = ConsoleLanguages.Of(parsed, language);
            return Run(engines.For(parsed.GetValue(ruleSet)!, chosen), io, chosen);
        });
        return command;
    }

    public static int Run(TriageEngine engine, ConsoleIO io, ConsoleLanguage language = ConsoleLanguage.English)
    {
        // Only standard input and output decide: standard error (2>/dev/null, say) is not used by the terminal screen.
        // Keys are read by the host's own reader, never by Spectre.Console, which refuses to read ("Failed to read input in
        // non-interactive mode") when it judges the console not interactive, for example with standard error redirected.
        IInterviewScreen screen;
        if (!io.InputIsTerminal || !io.OutputIsTerminal)
        {
            screen = new PlainScreen(io.In, io.Out, io.Error, language);
        }
        else
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Out), Interactive = InteractionSupport.Yes });
            screen = new SpectreScreen(console, io.ReadKey, language);
        }

        return InterviewSession.Run(new Conversation(engine, language), screen);
    }
}
