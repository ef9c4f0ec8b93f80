using System.CommandLine;
using System.Text;
using SpineTriage.Audit;
using SpineTriage.ConsoleHost.Input;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage replay FILE.jsonl [--key-file F] [--against 1.0|2.0]</c>: checks the audit log's hash chain and
/// re-evaluates the records that hold their report, each with the rule-set line its record names (<c>1.0.x</c> with
/// 1.0, <c>2.0.x</c> with 2.0), printing for each whether it gives the same urgency and findings, then the chain's
/// verdict with its head, then a summary. With <c>--against</c> it also re-triages every record that holds a report with
/// that rule set and prints an impact report: counts by recorded and new urgency, and each changed record by its line
/// number. Prints no patient data. The log is read line by line in bounded memory.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>The environment variable holding the audit key as text (never a command-line argument).</summary>
    public const string KeyVariable = "SPINETRIAGE_AUDIT_KEY";

    /// <summary>The environment variable naming a file that holds the audit key.</summary>
    public const string KeyFileVariable = "SPINETRIAGE_AUDIT_KEY_FILE";

    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A JSON Lines audit log (one AuditRecord per line), or - for standard input; none with --postgres.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var feedback = new Option<string?>("--feedback")
        {
            Description = "Also check the hash chain of the service's CDS Hooks feedback log (cds-feedback.jsonl), with the same key; a broken feedback chain exits 1 as a broken triage chain does. "
                + "With --postgres each instance's feedback chain is checked anyway.",
        };
        var postgres = new Option<bool>("--postgres")
        {
            Description = $"Replay the service's PostgreSQL audit store instead of a file: each instance's chain in turn, with the connection string from {PostgresReplay.ConnectionVariable} (never a password on the command line).",
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = $"A file holding the key of a keyed (hmac-sha256) chain, as the service's Audit:KeyFile holds it (at least {AuditKey.MinimumLength} bytes; a leading byte-order mark and surrounding spaces, tabs and line breaks are not part of the key). "
                + $"Also from the environment: {KeyFileVariable} (a file) or {KeyVariable} (the key). There is no option for the key itself.",
        };
        var against = RuleSetEngines.Option(
            "--against",
            "Also re-triage every record that holds a report with this rule set (1.0 or 2.0) and print an impact report after the summary: "
            + "counts by recorded and new urgency, and each changed record by its line number. Does not change the exit code.",
            withDefault: false);
        var command = new Command(
            "replay",
            "Checks the audit log's hash chain and replays each record with the rule-set line it names (1.0.x with 1.0, 2.0.x with 2.0): "
            + "one line per record (same, different, no report, report invalid, unknown rule set, malformed; "
            + "CHAIN: when the record was changed, removed, reordered or inserted), the chain's verdict and head, then a summary; "
            + "with --against, an impact report. "
            + "Exit 0 all same or without report and the chain intact; 1 a decision differs, a report is invalid, a record names an unknown rule set or the chain check fails; "
            + "2 a line is not an audit record, the log is empty, or the file or key cannot be read.")
        {
            file,
            keyFile,
            against,
            feedback,
            postgres,
        };
        command.SetAction(parsed => parsed.GetValue(postgres)
            ? PostgresReplay.Run(engines, io, parsed.GetValue(file) ?? parsed.GetValue(feedback), parsed.GetValue(keyFile), parsed.GetValue(against))
            : parsed.GetValue(file) is { } path
                ? Run(engines, io, path, parsed.GetValue(keyFile), parsed.GetValue(against), parsed.GetValue(feedback))
                : Usage(io));
        return command;
    }

    private static int Usage(ConsoleIO io)
    {
        io.Error.WriteLine("spinetriage: replay needs FILE (an audit log, or - for standard input) or --postgres.");
        return ExitCodes.InvalidInput;
    }

    private static int Run(RuleSetEngines engines, ConsoleIO io, string path, string? keyFile, string? against, string? feedbackPath)
    {
        if (!TryReadKey(io, keyFile, out var key))
        {
            return ExitCodes.InvalidInput;
        }

        // The library replays each record with the engine of the line it names, and with --against re-triages it again.
        var all = engines.All;
        var againstEngine = against is null ? null : engines.For(against);
        void OnLine(AuditReplayLine line) => io.Out.WriteLine(ReplayText.Describe(line));

        AuditReplayReport report;
        if (path == InputFile.StandardInput)
        {
            report = AuditReplay.ReplayJsonLines(all, io.OpenInput(), key, againstEngine, OnLine);
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
                report = AuditReplay.ReplayJsonLines(all, stream, key, againstEngine, OnLine);
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
        if (report.Impact is { } impact)
        {
            ReplayText.WriteImpact(impact, io.Out);
        }

        var exit = ExitCode(report);
        if (feedbackPath is not null)
        {
            if (!File.Exists(feedbackPath))
            {
                io.Error.WriteLine($"spinetriage: {feedbackPath}: no such file.");
                return ExitCodes.InvalidInput;
            }

            try
            {
                exit = Math.Max(exit, CheckFeedback(io, File.ReadLines(feedbackPath), key));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"spinetriage: {feedbackPath}: cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : "read error")}).");
                return ExitCodes.InvalidInput;
            }
        }

        return exit;
    }

    /// <summary>Checks a feedback log's chain and prints its verdict, worded as the triage chain's; returns the exit code it gives.</summary>
    /// <param name="io">The console.</param>
    /// <param name="lines">The feedback log's lines, read one at a time.</param>
    /// <param name="key">The audit key, or <see langword="null"/>.</param>
    /// <returns>2 when a line is not a JSON object, 1 when the chain check fails, otherwise 0.</returns>
    internal static int CheckFeedback(ConsoleIO io, IEnumerable<string> lines, AuditKey? key)
    {
        var chain = ChainedLines.Verify(lines, key);
        io.Out.WriteLine(chain.Summary("feedback chain"));
        return ExitCode(chain.Malformed, 0, chain.Failures);
    }

    /// <summary>The exit code of a replay: a command-line policy, so it lives here and not in the library.</summary>
    /// <param name="report">The replayed log.</param>
    /// <returns>2 when a line is not an audit record; 1 when a decision differs, a report is invalid, a record names an unknown rule set or fails the chain check; otherwise 0.</returns>
    internal static int ExitCode(AuditReplayReport report) =>
        ExitCode(report.Malformed, report.Different + report.ReportInvalid + report.UnknownRuleSet, report.IntegrityFailures);

    /// <summary>The exit code from the counts: --against never changes it (the impact report is information, not a check).</summary>
    private static int ExitCode(int malformed, int notConfirmed, int integrityFailures) =>
        malformed > 0 ? ExitCodes.InvalidInput
        : notConfirmed > 0 || integrityFailures > 0 ? ExitCodes.DecisionDiffers
        : ExitCodes.Success;

    /// <summary>The key from --key-file, else SPINETRIAGE_AUDIT_KEY_FILE, else SPINETRIAGE_AUDIT_KEY; none when none is set.</summary>
    internal static bool TryReadKey(ConsoleIO io, string? keyFile, out AuditKey? key)
    {
        key = null;
        byte[] raw;
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

                raw = File.ReadAllBytes(keyFile);
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
            raw = Encoding.UTF8.GetBytes(fromVariable);
        }
        else
        {
            return true;
        }

        // The one rule of the service's Audit:KeyFile too (AuditKey.KeyBytesOf): a byte-order mark and surrounding whitespace are not part of the key.
        var bytes = AuditKey.KeyBytesOf(raw);
        if (bytes.Length < AuditKey.MinimumLength)
        {
            io.Error.WriteLine($"spinetriage: {source} holds a key of {bytes.Length} bytes; an audit key needs at least {AuditKey.MinimumLength}.");
            return false;
        }

        key = AuditKey.FromBytes(bytes);
        return true;
    }
}
