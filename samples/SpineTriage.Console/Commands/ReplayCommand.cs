using System.CommandLine;
using SpineTriage.Audit;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.Engine;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage replay FILE.jsonl</c>: re-evaluates the audit records that hold their report with today's
/// rule set and prints, for each, whether it gives the same urgency and findings. Prints no patient data.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(Lazy<TriageEngine> engine)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A JSON Lines audit log (one AuditRecord per line), or - for standard input.",
        };
        var command = new Command(
            "replay",
            "Replays audit records with today's rule set: one line per record (same, different, no report, report invalid, malformed), then a summary. "
            + "Exit 0 all same or without report; 1 a decision differs or a report is invalid; 2 a line is not an audit record or the file cannot be read.")
        {
            file,
        };
        command.SetAction(parsed => Run(engine.Value, parsed.GetRequiredValue(file)));
        return command;
    }

    private static int Run(TriageEngine engine, string path)
    {
        IEnumerable<string> lines;
        if (path == InputFile.StandardInput)
        {
            lines = ReadLines(Console.In);
        }
        else if (Directory.Exists(path))
        {
            Console.Error.WriteLine($"spinetriage: {path} is a directory, not an audit log.");
            return ExitCodes.InvalidInput;
        }
        else if (!File.Exists(path))
        {
            Console.Error.WriteLine($"spinetriage: {path}: no such file.");
            return ExitCodes.InvalidInput;
        }
        else
        {
            lines = File.ReadLines(path);
        }

        AuditReplayReport report;
        try
        {
            report = AuditReplay.ReplayJsonLines(engine, lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"spinetriage: {path}: cannot be read ({e.GetType().Name}).");
            return ExitCodes.InvalidInput;
        }

        foreach (var line in report.Lines)
        {
            Console.Out.WriteLine(line.Describe());
        }

        Console.Out.WriteLine(report.Summary);
        return ExitCodes.ForReplay(report);
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
