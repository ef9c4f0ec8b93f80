using System.CommandLine;
using System.Globalization;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Texts;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage ruleset diff A B [--against audit.jsonl]</c>: what changes from rule set A to rule set B (shipped
/// selectors or document files): thresholds, questions and rules added, removed and changed, and their texts in every
/// language; with <c>--against</c>, the decision impact of going from A to B on the reports of an audit log, by urgency and
/// line number only (as <c>replay --against</c> reports it), never a report id, a date or an answer.
/// </summary>
internal static class RuleSetDiff
{
    public static Command Create(RuleSetEngines engines, ConsoleIO io, TimeProvider clock)
    {
        var from = new Argument<string>("A") { Description = "The rule set before: a shipped selector or a document file." };
        var to = new Argument<string>("B") { Description = "The rule set after: a shipped selector or a document file." };
        var against = new Option<string?>("--against")
        {
            Description = "An audit log (JSON Lines): re-triage each record that holds a report with A and with B and print the impact by urgency and line number.",
        };
        var command = new Command(
            "diff",
            "Lists what changes from rule set A to rule set B: thresholds, questions and rules added, removed and changed, and their texts; "
            + "with --against, the decision impact on an audit log. Exit 0; 2 unusable input (no such file, not JSON, not a valid rule set, an unreadable log).")
        {
            from,
            to,
            against,
        };
        command.SetAction(parsed => Run(engines, io, clock, parsed.GetRequiredValue(from), parsed.GetRequiredValue(to), parsed.GetValue(against)));
        return command;
    }

    private static int Run(RuleSetEngines engines, ConsoleIO io, TimeProvider clock, string fromSource, string toSource, string? logPath)
    {
        var a = Load(fromSource);
        var b = Load(toSource);
        if (a is null || b is null)
        {
            return ExitCodes.InvalidInput;
        }

        io.Out.WriteLine($"from {RuleSetSource.Describe(a)}");
        io.Out.WriteLine($"to {RuleSetSource.Describe(b)}");
        var lines = Differences(a.RuleSet, b.RuleSet).ToList();
        foreach (var line in lines)
        {
            io.Out.WriteLine(line);
        }

        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines.Count} difference{(lines.Count == 1 ? "" : "s")}"));
        return logPath is null ? ExitCodes.Success : Impact(io, a, b, logPath);

        TriageEngine? Load(string source)
        {
            var (status, engine, errors) = RuleSetSource.Load(source, engines, io, clock);
            foreach (var error in errors)
            {
                io.Error.WriteLine($"spinetriage: {error}");
            }

            return status == RuleSetSource.Status.Loaded ? engine : null;
        }
    }

    /// <summary>Every difference, one line each: thresholds, questions, rules, then texts.</summary>
    internal static IEnumerable<string> Differences(RuleSet a, RuleSet b)
    {
        if (a.FeverThresholdCelsius != b.FeverThresholdCelsius)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"threshold changed: feverCelsius {a.FeverThresholdCelsius} -> {b.FeverThresholdCelsius}");
        }

        if (a.SeverePainScore != b.SeverePainScore)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"threshold changed: severePainScore {a.SeverePainScore} -> {b.SeverePainScore}");
        }

        var questionsA = a.Questions.ToDictionary(q => q.JsonId, StringComparer.Ordinal);
        var questionsB = b.Questions.ToDictionary(q => q.JsonId, StringComparer.Ordinal);
        foreach (var q in a.Questions.Where(q => !questionsB.ContainsKey(q.JsonId)))
        {
            yield return $"question removed: {q.JsonId}";
        }

        foreach (var q in b.Questions.Where(q => !questionsA.ContainsKey(q.JsonId)))
        {
            yield return $"question added: {q.JsonId} (red flag: {q.RedFlagApplicability}; applies: {q.Applicability})";
        }

        foreach (var q in b.Questions.Where(q => questionsA.ContainsKey(q.JsonId)))
        {
            var before = questionsA[q.JsonId];
            var changes = new List<string>();
            Compare(changes, "red flag", before.RedFlagApplicability, q.RedFlagApplicability);
            Compare(changes, "applies", before.Applicability, q.Applicability);
            if (changes.Count > 0)
            {
                yield return $"question changed: {q.JsonId}: {string.Join("; ", changes)}";
            }
        }

        var rulesA = a.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rulesB = b.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var r in a.Rules.Where(r => !rulesB.ContainsKey(r.Id)))
        {
            yield return $"rule removed: {r.Id} ({r.Urgency.JsonName()})";
        }

        foreach (var r in b.Rules.Where(r => !rulesA.ContainsKey(r.Id)))
        {
            yield return $"rule added: {r.Id} ({r.Urgency.JsonName()}): {r.Condition}";
        }

        foreach (var r in b.Rules.Where(r => rulesA.ContainsKey(r.Id)))
        {
            var before = rulesA[r.Id];
            var changes = new List<string>();
            Compare(changes, "urgency", before.Urgency.JsonName(), r.Urgency.JsonName());
            Compare(changes, "condition", before.Condition, r.Condition);
            Compare(changes, "consideration", before.Consideration, r.Consideration);
            Compare(changes, "source", before.Source, r.Source);
            if (changes.Count > 0)
            {
                yield return $"rule changed: {r.Id}: {string.Join("; ", changes)}";
            }
        }

        // The texts of what both have, in every language: the patient's words can change without any decision changing.
        foreach (var language in TextLanguages.All)
        {
            var textsA = a.QuestionsIn(language).ToDictionary(q => q.JsonId, q => q.Text, StringComparer.Ordinal);
            foreach (var q in b.QuestionsIn(language).Where(q => textsA.TryGetValue(q.JsonId, out var text) && text != q.Text))
            {
                yield return $"text changed: question {q.JsonId} ({language}): \"{textsA[q.JsonId]}\" -> \"{q.Text}\"";
            }

            var ruleTextsA = a.RulesIn(language).ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var r in b.RulesIn(language).Where(r => ruleTextsA.ContainsKey(r.Id)))
            {
                var before = ruleTextsA[r.Id];
                if (before.Title != r.Title)
                {
                    yield return $"text changed: rule {r.Id} title ({language}): \"{before.Title}\" -> \"{r.Title}\"";
                }

                if (before.PatientExplanation != r.PatientExplanation)
                {
                    yield return $"text changed: rule {r.Id} patient explanation ({language}): \"{before.PatientExplanation}\" -> \"{r.PatientExplanation}\"";
                }

                if (language == TextLanguages.English && before.ClinicianRationale != r.ClinicianRationale)
                {
                    yield return $"text changed: rule {r.Id} clinician rationale: \"{before.ClinicianRationale}\" -> \"{r.ClinicianRationale}\"";
                }
            }
        }
    }

    private static void Compare(List<string> changes, string what, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{what} \"{before}\" -> \"{after}\"");
        }
    }

    /// <summary>
    /// Re-triages each record of the log that holds a report with A and with B and prints the impact: counts by urgency
    /// under A and under B, and the changed records by line number.
    /// </summary>
    private static int Impact(ConsoleIO io, TriageEngine a, TriageEngine b, string path)
    {
        if (Directory.Exists(path) || !File.Exists(path))
        {
            io.Error.WriteLine($"spinetriage: {RuleSetSource.Shown(path)}: {(Directory.Exists(path) ? "a directory, not an audit log" : "no such file")}.");
            return ExitCodes.InvalidInput;
        }

        var counts = new SortedDictionary<(int A, int B), int>();
        var changed = new List<int>();
        var otherFindings = new List<int>();
        var notRetriaged = new List<int>();
        var records = 0;
        var higher = 0;
        AuditReplayReport replay;
        try
        {
            using var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
            replay = AuditReplay.ReplayJsonLines(a, log, null, line =>
            {
                if (line.Result is not { Status: not ReplayStatus.NoReport } underA)
                {
                    return;
                }

                records++;
                var underB = AuditReplay.Replay(b, underA.Record);
                if (underA.CurrentUrgency is not { } urgencyA || underB.CurrentUrgency is not { } urgencyB)
                {
                    Add(notRetriaged, line.LineNumber);
                    return;
                }

                var key = (urgencyA.Code(), urgencyB.Code());
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (urgencyA != urgencyB)
                {
                    Add(changed, line.LineNumber);
                    higher += urgencyB.Code() > urgencyA.Code() ? 1 : 0;
                }
                else if (!underA.CurrentRuleIds.SequenceEqual(underB.CurrentRuleIds, StringComparer.Ordinal))
                {
                    Add(otherFindings, line.LineNumber);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"spinetriage: {RuleSetSource.Shown(path)}: cannot be read.");
            return ExitCodes.InvalidInput;
        }

        if (replay.Records == 0 || replay.Malformed > 0)
        {
            io.Error.WriteLine($"spinetriage: {RuleSetSource.Shown(path)}: {(replay.Records == 0 ? "holds no audit records" : $"{replay.Malformed} lines are not audit records")}.");
            return ExitCodes.InvalidInput;
        }

        var o = io.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"impact on the {records} record{(records == 1 ? "" : "s")} that hold a report (A -> B: records):"));
        foreach (var ((urgencyA, urgencyB), count) in counts.Reverse())
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {((Urgency)urgencyA).JsonName()} -> {((Urgency)urgencyB).JsonName()}: {count}"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  urgency changed: {changed.Count} ({higher} higher, {changed.Count - higher} lower){Lines(changed)}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  same urgency, other findings: {otherFindings.Count}{Lines(otherFindings)}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not re-triaged (the report is invalid under A or B): {notRetriaged.Count}{Lines(notRetriaged)}"));
        return ExitCodes.Success;
    }

    // Counts are complete; at most ReplayImpact.MaxListedLines line numbers are kept per list (bounded memory).
    private static void Add(List<int> lines, int line)
    {
        if (lines.Count <= ReplayImpact.MaxListedLines)
        {
            lines.Add(line);
        }
    }

    private static string Lines(List<int> lines) =>
        lines.Count == 0 ? "" : $": line{(lines.Count == 1 ? "" : "s")} {string.Join(", ", lines.Take(ReplayImpact.MaxListedLines))}{(lines.Count > ReplayImpact.MaxListedLines ? " and more" : "")}";
}
