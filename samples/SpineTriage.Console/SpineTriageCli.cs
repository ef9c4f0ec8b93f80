using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using SpineTriage.ConsoleHost.Commands;
using SpineTriage.Engine;

namespace SpineTriage.ConsoleHost;

/// <summary>The <c>spinetriage</c> command line: the commands of the console table in contract.md.</summary>
internal static class SpineTriageCli
{
    /// <summary>The command's name, as in contract.md.</summary>
    public const string CommandName = "spinetriage";

    /// <summary>Parses and runs one command line; never throws and never prints a stack trace.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args)
    {
        try
        {
            // Building the engine validates options and the rule set; commands that do not triage never pay for it.
            var engine = new Lazy<TriageEngine>(() => new TriageEngine());
            var root = Build(engine);
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Action is ParseErrorAction)
            {
                return UsageError(parsed);
            }

            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // The message of an exception may quote the input, and the input is patient data: name the type only.
            Console.Error.WriteLine($"spinetriage: internal error ({e.GetType().Name}); no result was given. Please report this bug.");
            return ExitCodes.InternalError;
        }
    }

    private static Command Build(Lazy<TriageEngine> engine)
    {
        // A RootCommand takes its name from the executable (SpineTriage.Console under dotnet run); help must say spinetriage.
        var root = new Command(
            CommandName,
            "SpineTriage: triage of symptoms after spine surgery with implanted hardware. Decision support, not a diagnosis. "
            + "Without a command, starts the interactive triage.")
        {
            new HelpOption(),
            new VersionOption(),
            InteractiveCommand.Create(engine),
            TriageCommand.Create(engine),
            CheckCommand.Create(engine),
            RulesCommand.Create(engine),
            ReplayCommand.Create(engine),
            QuestionsCommand.Create(),
        };
        root.SetAction(_ => InteractiveCommand.Run(engine.Value));
        return root;
    }

    private static int UsageError(ParseResult parsed)
    {
        foreach (var error in parsed.Errors)
        {
            Console.Error.WriteLine($"spinetriage: {error.Message}");
        }

        var command = parsed.CommandResult.Command;
        var usage = command.Name == CommandName ? $"{CommandName} --help" : $"{CommandName} {command.Name} --help";
        Console.Error.WriteLine($"Usage: see {usage}.");
        return ExitCodes.InvalidInput;
    }
}
