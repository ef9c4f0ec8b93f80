using System.CommandLine;
using System.Globalization;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.Engine;
using SpineTriage.Testing;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage check PATH...</c>: runs case files (contract.md, case file). A folder is searched
/// recursively for <c>*.json</c> files, in ordinal order of their paths; a file is run whatever its name.
/// </summary>
internal static class CheckCommand
{
    private static readonly EnumerationOptions CaseFileSearch = new()
    {
        RecurseSubdirectories = true,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseInsensitive,
        IgnoreInaccessible = false,
    };

    public static Command Create(Lazy<TriageEngine> engine, ConsoleIO io)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Case files, or folders searched recursively for *.json case files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "check",
            "Runs case files: one line per failing case, then 'N passed, N failed'. Exit 0 all pass; 1 any fails; 2 a case file is malformed or a path is missing.")
        {
            paths,
        };
        command.SetAction(parsed => Run(engine.Value, io, parsed.GetRequiredValue(paths)));
        return command;
    }

    private static int Run(TriageEngine engine, ConsoleIO io, string[] paths)
    {
        var passed = 0;
        var failed = 0;
        var unusable = false;
        foreach (var file in CaseFiles(paths, io.Error, ref unusable))
        {
            if (!InputFile.TryReadText(file, io, out var json, out var readError))
            {
                io.Out.WriteLine($"MALFORMED {file}: {readError}");
                unusable = true;
                failed++;
                continue;
            }

            var parsed = TriageCase.Parse(json);
            if (!parsed.IsSuccess)
            {
                io.Out.WriteLine($"MALFORMED {file}: {string.Join("; ", parsed.Errors)}");
                unusable = true;
                failed++;
                continue;
            }

            var check = parsed.Value.Check(engine);
            if (check.Passed)
            {
                passed++;
            }
            else
            {
                io.Out.WriteLine($"FAIL {file} \"{parsed.Value.Name}\": {string.Join("; ", check.Failures)}");
                failed++;
            }
        }

        // A malformed case file counts as failed, so "0 failed" always means that every case file ran and passed.
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        return unusable ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.CaseFailed : ExitCodes.Success;
    }

    private static List<string> CaseFiles(string[] paths, TextWriter error, ref bool unusable)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                List<string> found;
                try
                {
                    found = Directory.EnumerateFiles(path, "*.json", CaseFileSearch).Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"spinetriage: {path}: the folder cannot be read ({e.Message}).");
                    unusable = true;
                    continue;
                }

                if (found.Count == 0)
                {
                    // A folder without cases would otherwise pass silently, for example after a typo in CI.
                    error.WriteLine($"spinetriage: {path}: no *.json case files in this folder.");
                    unusable = true;
                }

                files.AddRange(found);
            }
            else
            {
                error.WriteLine($"spinetriage: {path}: no such file or folder.");
                unusable = true;
            }
        }

        return files;
    }
}
