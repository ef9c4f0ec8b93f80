using System.CommandLine;
using System.Globalization;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.Testing;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage check PATH...</c>: runs case files (contract.md, case file), each with the rule set its file names
/// (<c>ruleSet</c>; a file that names none is a rule set 1.0 case). A folder is searched recursively for <c>*.json</c>
/// files, in ordinal order of their paths; a file is run whatever its name.
/// </summary>
internal static class CheckCommand
{
    private static readonly EnumerationOptions CaseFileSearch = new()
    {
        RecurseSubdirectories = false,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseInsensitive,
        IgnoreInaccessible = false,
    };

    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Case files, or folders searched recursively for *.json case files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "check",
            "Runs case files, each with the rule set it names (none: 1.0): one line per failing case, then 'N passed, N failed'. Exit 0 all pass; 1 any fails; 2 a case file is malformed or a path is missing.")
        {
            paths,
        };
        command.SetAction(parsed => Run(engines, io, parsed.GetRequiredValue(paths)));
        return command;
    }

    private static int Run(RuleSetEngines engines, ConsoleIO io, string[] paths)
    {
        var passed = 0;
        var failed = 0;
        var unusable = false;

        foreach (var (file, problem) in CaseFiles(paths))
        {
            if (problem is not null)
            {
                // What could not be read is named on its own line and counted as failed, so the summary never hides it.
                io.Out.WriteLine($"UNREADABLE {file}: {problem}");
                unusable = true;
                failed++;
                continue;
            }

            if (!InputFile.TryReadText(file, io, out var json, out var readError))
            {
                io.Out.WriteLine($"UNREADABLE {file}: {readError}");
                unusable = true;
                failed++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(json))
            {
                io.Out.WriteLine($"MALFORMED {file}: the file is empty; expected a case file JSON object with name, report and expect.");
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

            // Each case runs with the rule set its file names (none: 1.0); the library's check confirms the engine's line.
            var testCase = parsed.Value;
            var check = testCase.Check(engines.For(testCase.RuleSet));
            if (check.Passed)
            {
                passed++;
            }
            else
            {
                io.Out.WriteLine($"FAIL {file} \"{testCase.Name}\" (rule set {testCase.RuleSet}): {string.Join("; ", check.Failures)}");
                failed++;
            }
        }

        // A malformed or unreadable case file, a missing path and a folder without case files count as failed, so
        // "0 failed" always means that every case file ran and passed.
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        return unusable ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.CaseFailed : ExitCodes.Success;
    }

    /// <summary>
    /// The case files of the paths, each once: a file, or a folder's <c>*.json</c> files found recursively (in ordinal
    /// order per folder argument). A folder reached again through a symbolic link (a loop such as <c>ln -s . again</c>,
    /// or a link to a folder already searched) is not searched again, and a file reached by a second path (a duplicate
    /// argument, a link) is not run again. A path that cannot be used comes with the reason.
    /// </summary>
    internal static List<(string Path, string? Problem)> CaseFiles(string[] paths)
    {
        var files = new List<(string, string?)>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                var problems = new List<(string, string?)>();
                var searched = seenFolders.Count;
                Search(path, found, problems, seenFolders);
                var folderIsNew = seenFolders.Count > searched;
                files.AddRange(problems);
                var added = 0;
                foreach (var file in found.Order(StringComparer.Ordinal))
                {
                    added++;
                    if (seenFiles.Add(RealPath.Of(file) ?? Path.GetFullPath(file)))
                    {
                        files.Add((file, null));
                    }
                }

                if (added == 0 && problems.Count == 0 && folderIsNew)
                {
                    // A folder without cases would otherwise pass silently, for example after a typo in CI.
                    files.Add((path, "no *.json case files in this folder."));
                }
            }
            else if (File.Exists(path))
            {
                if (seenFiles.Add(RealPath.Of(path) ?? Path.GetFullPath(path)))
                {
                    files.Add((path, null));
                }
            }
            else
            {
                files.Add((path, new FileInfo(path).LinkTarget is not null ? "a symbolic link to nothing (or a loop of links)." : "no such file or folder."));
            }
        }

        return files;
    }

    private static void Search(string folder, List<string> found, List<(string, string?)> problems, HashSet<string> seenFolders)
    {
        var real = RealPath.Of(folder);
        if (real is null)
        {
            problems.Add((folder, "a loop of symbolic links."));
            return;
        }

        if (!seenFolders.Add(real))
        {
            return; // already searched, by this path or another
        }

        try
        {
            found.AddRange(Directory.EnumerateFiles(folder, "*.json", CaseFileSearch));
            foreach (var sub in Directory.EnumerateDirectories(folder, "*", CaseFileSearch).Order(StringComparer.Ordinal))
            {
                Search(sub, found, problems, seenFolders);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add((folder, $"the folder cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : "an input or output error")})."));
        }
    }
}
