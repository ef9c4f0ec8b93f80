using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using SpineTriage.ConsoleHost.Commands;

namespace SpineTriage.ConsoleHost;

/// <summary>The <c>spinetriage</c> command line: the commands of the console table in contract.md.</summary>
internal static class SpineTriageCli
{
    /// <summary>The command's name, as in contract.md.</summary>
    public const string CommandName = "spinetriage";

    /// <summary>Parses and runs one command line; never throws and never prints a stack trace.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="io">Standard input, output and error: every command, help and usage errors included, reads and writes only these.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, ConsoleIO io) => Run(args, io, TimeProvider.System);

    /// <summary>Parses and runs one command line with a clock for "today" (tests run the host in-process with a fake clock).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="io">Standard input, output and error.</param>
    /// <param name="clock">The clock every engine of the run reads today's date from.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, ConsoleIO io, TimeProvider clock)
    {
        try
        {
            // The engines of the rule sets a command asks for (--rule-set, a case file's ruleSet, a record's version), built on first use.
            var root = Build(new RuleSetEngines(clock), io, clock);
            var parsed = root.Parse(HelpAsOption(args, root), new ParserConfiguration { ResponseFileTokenReplacer = null });
            // Any parse error is a usage error, also where System.CommandLine would run an action anyway
            // (--version rules prints the version despite "--version option cannot be combined with other arguments").
            if (parsed.Errors.Count > 0)
            {
                return UsageError(parsed, io.Error);
            }

            // Help and --version write to the configured writers, not to Console.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = io.Out, Error = io.Error });
        }
        catch (Exception e)
        {
            // The message of an exception may quote the input, and the input is patient data: name the type only.
            io.Error.WriteLine($"spinetriage: internal error ({e.GetType().Name}); no result was given. Please report this bug.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// <c>spinetriage help [COMMAND]</c> is <c>spinetriage [COMMAND] --help</c>, as git and dotnet read it: a first-time
    /// user types the word before the option. A word after it that names no command is left to the parser, which
    /// refuses it as a usage error.
    /// </summary>
    private static string[] HelpAsOption(string[] args, Command root) =>
        args switch
        {
            ["help"] => ["--help"],
            ["help", var command] when root.Subcommands.Any(c => c.Name == command) => [command, "--help"],
            _ => args,
        };

    private static Command Build(RuleSetEngines engines, ConsoleIO io, TimeProvider clock)
    {
        // A RootCommand takes its name from the executable (SpineTriage.Console under dotnet run); help must say spinetriage.
        var root = new Command(
            CommandName,
            "SpineTriage: triage of symptoms after spine surgery with implanted hardware. Decision support, not a diagnosis. "
            + "Without a command, starts the interactive triage.")
        {
            new HelpOption(),
            new VersionOption { Action = new PrintVersion() },
            InteractiveCommand.Create(engines, io),
            TriageCommand.Create(engines, io),
            CheckCommand.Create(engines, io),
            RulesCommand.Create(engines, io),
            QuestionsCommand.Create(engines, io),
            ReplayCommand.Create(engines, io),
            RuleSetCommand.Create(engines, io, clock),
        };
        root.SetAction(_ => InteractiveCommand.Run(engines.For(SpineTriage.Rules.RuleSets.Default), io));
        return root;
    }

    private static int UsageError(ParseResult parsed, TextWriter error)
    {
        foreach (var parseError in parsed.Errors)
        {
            error.WriteLine($"spinetriage: {parseError.Message}");
        }

        var command = parsed.CommandResult.Command;
        var usage = command.Name == CommandName ? $"{CommandName} --help" : $"{CommandName} {command.Name} --help";
        error.WriteLine($"Usage: see {usage}.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>
    /// Prints the host's version. System.CommandLine prints the entry assembly's, which is not this one when the
    /// command line runs inside another process (the tests).
    /// </summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public static string Version { get; } =
            typeof(SpineTriageCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SpineTriageCli).Assembly.GetName().Version?.ToString()
            ?? "unknown";

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
