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
    public static Command Create(Lazy<TriageEngine> engine, ConsoleIO io)
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
        command.SetAction(parsed => Run(engine.Value, io, parsed.GetRequiredValue(file)));
        return command;
    }

    private static int Run(TriageEngine engine, ConsoleIO io, string path)
    {
        IEnumerable<string> lines;
        if (path == InputFile.StandardInput)
        {
            lines = ReadLines(io.In);
        }
        else if (Directory.Exists(path))
        {
            io.Error.WriteLine($"spinetriage: {path} is a directory, not an audit log.");
            return ExitCodes.InvalidInput;
        }
        else if (!File.Exists(path))
        {
            io.Error.WriteLine($"spinetriage: {path}: no such file.");
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
            io.Error.WriteLine($"spinetriage: {path}: cannot be read ({e.GetType().Name}).");
            return ExitCodes.InvalidInput;
        }

        foreach (var line in report.Lines)
        {
            io.Out.WriteLine(line.Describe());
        }

        io.Out.WriteLine(report.Summary);
        return ExitCode(report);
    }

    /// <summary>The exit code of a replay: a command-line policy, so it lives here and not in the library.</summary>
    /// <param name="report">The replayed log.</param>
    /// <returns>2 when a line is not an audit record; 1 when a decision differs or a report is invalid; otherwise 0.</returns>
    internal static int ExitCode(AuditReplayReport report) =>
        report.Malformed > 0 ? ExitCodes.InvalidInput
        : report.Different > 0 || report.ReportInvalid > 0 ? ExitCodes.DecisionDiffers
        : ExitCodes.Success;

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
