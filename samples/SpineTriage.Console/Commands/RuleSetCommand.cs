using System.CommandLine;
using System.Globalization;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.Engine;
using SpineTriage.Rules;
using SpineTriage.Testing;
using SpineTriage.Verification;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage ruleset verify|diff|export</c>: verify a rule set (shipped or a document file) against every safety
/// property on generated reports and given case files, compare two rule sets, and write a shipped rule set's document
/// (the starting point of a local edition). Prints no patient data: only generated reports, ids and line numbers.
/// </summary>
internal static class RuleSetCommand
{
    public static Command Create(RuleSetEngines engines, ConsoleIO io, TimeProvider clock) =>
        new("ruleset", "Verifies, compares and exports rule sets: verify FILE|SELECTOR, diff A B, export SELECTOR.")
        {
            Verify(engines, io, clock),
            RuleSetDiff.Create(engines, io, clock),
            Export(io),
        };

    private static Command Verify(RuleSetEngines engines, ConsoleIO io, TimeProvider clock)
    {
        var source = new Argument<string>("FILE|SELECTOR") { Description = $"A rule-set document (JSON), or a shipped rule set: {string.Join(" or ", RuleSets.Selectors)}." };
        var cases = new Option<string[]>("--cases")
        {
            Description = "Also run these case files, or folders searched recursively for *.json case files, with the rule set (each case must name its line).",
            AllowMultipleArgumentsPerToken = false,
        };
        var examples = new Option<int>("--examples")
        {
            Description = $"Generated reports per property (1 to 1000000; default {VerificationOptions.DefaultExamples}).",
            DefaultValueFactory = _ => VerificationOptions.DefaultExamples,
        };
        examples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--examples must be 1 to 1000000.");
            }
        });
        var seed = new Option<int>("--seed")
        {
            Description = $"The seed of the generated reports (default {VerificationOptions.DefaultSeed}): the same seed gives the same reports.",
            DefaultValueFactory = _ => VerificationOptions.DefaultSeed,
        };
        var command = new Command(
            "verify",
            "Checks every safety property of the rule set on generated reports (and the case files of --cases): one line per property, "
            + "held or the smallest counterexample found (a generated report), one per case, then 'N passed, N failed'. "
            + "Exit 0 all hold; 1 a property or case fails or the document is not a valid rule set (each error with its path); "
            + "2 unusable input (no such file, not JSON, a malformed case file).")
        {
            source,
            cases,
            examples,
            seed,
        };
        command.SetAction(parsed => RunVerify(
            engines,
            io,
            clock,
            parsed.GetRequiredValue(source),
            parsed.GetValue(cases) ?? [],
            new VerificationOptions { Examples = parsed.GetValue(examples), Seed = parsed.GetValue(seed) }));
        return command;
    }

    private static int RunVerify(RuleSetEngines engines, ConsoleIO io, TimeProvider clock, string source, string[] casePaths, VerificationOptions options)
    {
        var (status, engine, errors) = RuleSetSource.Load(source, engines, io, clock);
        if (status == RuleSetSource.Status.Unusable)
        {
            foreach (var error in errors)
            {
                io.Error.WriteLine($"spinetriage: {error}");
            }

            return ExitCodes.InvalidInput;
        }

        if (status == RuleSetSource.Status.Invalid)
        {
            // Each validation error is a failed check, with its JSON path; no property runs on a rule set that cannot be built.
            foreach (var error in errors)
            {
                io.Out.WriteLine($"document: FAILED: {error}");
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"0 passed, {errors.Count} failed"));
            return ExitCodes.CaseFailed;
        }

        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{RuleSetSource.Describe(engine!)}: {RuleSetVerifier.Properties.Count} safety properties, {options.Examples} generated reports each (seed {options.Seed})"));
        var passed = 0;
        var failed = 0;
        foreach (var check in RuleSetVerifier.CheckAll(engine!, options))
        {
            switch (check.Status)
            {
                case PropertyStatus.Held:
                    passed++;
                    io.Out.WriteLine(check.ToString());
                    break;
                case PropertyStatus.Failed:
                    failed++;
                    io.Out.WriteLine(check.ToString());
                    break;
                default:
                    io.Out.WriteLine(check.ToString());
                    break;
            }
        }

        var unusable = false;
        foreach (var (file, problem) in CheckCommand.CaseFiles(casePaths))
        {
            var readError = problem ?? "";
            if (problem is not null || !InputFile.TryReadText(file, io, out var json, out readError) || string.IsNullOrWhiteSpace(json))
            {
                io.Out.WriteLine($"case {file}: UNREADABLE: {(readError.Length > 0 ? readError : "the file is empty.")}");
                unusable = true;
                failed++;
                continue;
            }

            var parsed = TriageCase.Parse(json);
            if (!parsed.IsSuccess)
            {
                io.Out.WriteLine($"case {file}: MALFORMED: {string.Join("; ", parsed.Errors)}");
                unusable = true;
                failed++;
                continue;
            }

            var check = parsed.Value.Check(engine!);
            if (check.Passed)
            {
                passed++;
                io.Out.WriteLine($"case {file} \"{parsed.Value.Name}\": held");
            }
            else
            {
                failed++;
                io.Out.WriteLine($"case {file} \"{parsed.Value.Name}\": FAILED: {string.Join("; ", check.Failures)}");
            }
        }

        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        return unusable ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.CaseFailed : ExitCodes.Success;
    }

    private static Command Export(ConsoleIO io)
    {
        var selector = new Argument<string>("SELECTOR") { Description = $"A shipped rule set: {string.Join(" or ", RuleSets.Selectors)}." };
        selector.Validators.Add(r =>
        {
            if (r.Tokens is [{ Value: var value }] && !RuleSets.Selectors.Contains(value, StringComparer.Ordinal))
            {
                r.AddError($"{RuleSetSource.Shown(value)} is not a shipped rule set: use {string.Join(" or ", RuleSets.Selectors)}.");
            }
        });
        var command = new Command("export", "Writes a shipped rule set's document (JSON) to standard output: the starting point of a local edition (docs/rule-sets.md).")
        {
            selector,
        };
        command.SetAction(parsed =>
        {
            // The shipped documents are the library's embedded resources, written byte for byte.
            using var document = typeof(TriageEngine).Assembly.GetManifestResourceStream($"SpineTriage.Rules.Documents.{parsed.GetRequiredValue(selector)}.json")!;
            using var reader = new StreamReader(document);
            io.Out.Write(reader.ReadToEnd());
            return ExitCodes.Success;
        });
        return command;
    }
}
