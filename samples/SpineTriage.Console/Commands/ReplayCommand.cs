using System.CommandLine;
using System.Text;
using SpineTriage.Audit;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.Engine;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage replay FILE.jsonl [--key-file F]</c>: checks the audit log's hash chain and re-evaluates the
/// records that hold their report with today's rule set, printing for each whether it gives the same urgency and
/// findings, then the chain's verdict with its head, then a summary. Prints no patient data. The log is read line
/// by line in bounded memory.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>The environment variable holding the audit key as text (never a command-line argument).</summary>
    public const string KeyVariable = "SPINETRIAGE_AUDIT_KEY";

    /// <summary>The environment variable naming a file that holds the audit key.</summary>
    public const string KeyFileVariable = "SPINETRIAGE_AUDIT_KEY_FILE";

    public static Command Create(Lazy<TriageEngine> engine, ConsoleIO io)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A JSON Lines audit log (one AuditRecord per line), or - for standard input.",
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = $"A file holding the key of a keyed (hmac-sha256) chain, as text (at least {AuditKey.MinimumLength} bytes; surrounding whitespace is ignored). "
                + $"Also from the environment: {KeyFileVariable} (a file) or {KeyVariable} (the key). There is no option for the key itself.",
        };
        var command = new Command(
            "replay",
            "Checks the audit log's hash chain and replays its records with today's rule set: one line per record (same, different, no report, report invalid, malformed; "
            + "CHAIN: when the record was changed, removed, reordered or inserted), the chain's verdict and head, then a summary. "
            + "Exit 0 all same or without report and the chain intact; 1 a decision differs, a report is invalid or the chain check fails; "
            + "2 a line is not an audit record, the log is empty, or the file or key cannot be read.")
        {
            file,
            keyFile,
        };
        command.SetAction(parsed => Run(engine.Value, io, parsed.GetRequiredValue(file), parsed.GetValue(keyFile)));
        return command;
    }

    private static int Run(TriageEngine engine, ConsoleIO io, string path, string? keyFile)
    {
        if (!TryReadKey(io, keyFile, out var key))
        {
            return ExitCodes.InvalidInput;
        }

        AuditReplayReport report;
        if (path == InputFile.StandardInput)
        {
            report = AuditReplay.ReplayJsonLines(engine, io.OpenInput(), key, line => io.Out.WriteLine(line.Describe()));
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
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
                report = AuditReplay.ReplayJsonLines(engine, stream, key, line => io.Out.WriteLine(line.Describe()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"spinetriage: {path}: cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : "read error")}).");
                return ExitCodes.InvalidInput;
            }
        }

        if (report.Records == 0)
        {
            io.Error.WriteLine($"spinetriage: {(path == InputFile.StandardInput ? "standard input" : path)} holds no audit records.");
            return ExitCodes.InvalidInput;
        }

        io.Out.WriteLine(report.ChainSummary);
        io.Out.WriteLine(report.Summary);
        return ExitCode(report);
    }

    /// <summary>The exit code of a replay: a command-line policy, so it lives here and not in the library.</summary>
    /// <param name="report">The replayed log.</param>
    /// <returns>2 when a line is not an audit record; 1 when a decision differs, a report is invalid or a record fails the chain check; otherwise 0.</returns>
    internal static int ExitCode(AuditReplayReport report) =>
        report.Malformed > 0 ? ExitCodes.InvalidInput
        : report.Different > 0 || report.ReportInvalid > 0 || report.IntegrityFailures > 0 ? ExitCodes.DecisionDiffers
        : ExitCodes.Success;

    /// <summary>The key from --key-file, else SPINETRIAGE_AUDIT_KEY_FILE, else SPINETRIAGE_AUDIT_KEY; none when none is set.</summary>
    private static bool TryReadKey(ConsoleIO io, string? keyFile, out AuditKey? key)
    {
        key = null;
        string text;
        string source;
        keyFile ??= Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (keyFile is not null)
        {
            source = "the key file";
            try
            {
                var info = new FileInfo(keyFile);
                if (!info.Exists || info.Length > 64 * 1024)
                {
                    io.Error.WriteLine($"spinetriage: {keyFile}: {(info.Exists ? "too large for an audit key" : "no such key file")}.");
                    return false;
                }

                text = File.ReadAllText(keyFile, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"spinetriage: {keyFile}: the key file cannot be read.");
                return false;
            }
        }
        else if (Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } fromVariable)
        {
            source = KeyVariable;
            text = fromVariable;
        }
        else
        {
            return true;
        }

        var bytes = Encoding.UTF8.GetBytes(text.Trim());
        if (bytes.Length < AuditKey.MinimumLength)
        {
            io.Error.WriteLine($"spinetriage: {source} holds a key of {bytes.Length} bytes; an audit key needs at least {AuditKey.MinimumLength}.");
            return false;
        }

        key = AuditKey.FromBytes(bytes);
        return true;
    }
}
