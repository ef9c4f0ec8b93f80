using System.Globalization;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>
/// A triage result as plain text for a nurse: what to do first (urgency and disposition), then why
/// (clinical-criteria.md section 6).
/// </summary>
internal static class ResultText
{
    private const string UnresolvedRedFlag = "unresolved-red-flag";

    /// <summary>The headline: the urgency with its code and timeframe, for example <c>URGENT (code 4): today, within hours</c>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>One line.</returns>
    public static string Headline(TriageResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name(result.Urgency)} (code {result.Urgency.Code()}): {result.Urgency.Timeframe()}");

    /// <summary>The name of an urgency as shown to people, for example <c>SELF CARE</c>.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The name in capitals.</returns>
    public static string Name(Urgency urgency) => urgency == Urgency.SelfCare ? "SELF CARE" : urgency.JsonName().ToUpperInvariant();

    /// <summary>Everything after the headline and the disposition: findings, unanswered red flags, advice, safety net, warnings, rule set.</summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set that gave it: the questions are named with its texts.</param>
    /// <returns>The lines; empty strings separate the sections.</returns>
    public static IEnumerable<string> Details(TriageResult result, RuleSet ruleSet)
    {
        yield return result.ReportId is null
            ? string.Create(CultureInfo.InvariantCulture, $"{result.DaysSinceSurgery} days since surgery.")
            : string.Create(CultureInfo.InvariantCulture, $"Report {result.ReportId}, {result.DaysSinceSurgery} days since surgery.");
        yield return "";
        yield return "Why (every finding, highest urgency first):";
        var number = 1;
        foreach (var finding in result.Findings)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {number++}. {finding.Title} [{finding.Urgency.JsonName()}, rule {finding.RuleId}]");
            yield return $"     {Explanation(result, finding)}";
            if (finding.Evidence.Count > 0)
            {
                yield return $"     Evidence: {string.Join(", ", Evidence(result, ruleSet, finding))}";
            }

            yield return $"     For the clinician: {finding.ClinicianRationale}";
            yield return $"     Source: {finding.Source}";
        }

        // When the triage is settled, the red flags not asked are not missing answers: no answer to them could change
        // the urgency. Otherwise every unanswered red flag is listed as before: its answer could still change it.
        var notAsked = result.IsSettled ? result.NotAskedQuestions : [];
        var notAnswered = result.UnansweredQuestions.Where(q => !notAsked.Contains(q)).ToList();
        foreach (var line in Questions(ruleSet, "Red-flag questions not answered (the report is incomplete):", notAnswered))
        {
            yield return line;
        }

        foreach (var line in Questions(ruleSet, "Red-flag questions not asked (the answers so far already decide the urgency):", notAsked))
        {
            yield return line;
        }

        foreach (var line in Section("Care advice:", result.CareAdvice))
        {
            yield return line;
        }

        foreach (var line in Section("Safety net:", result.SafetyNet))
        {
            yield return line;
        }

        foreach (var line in Section("Warnings:", result.Warnings))
        {
            yield return line;
        }

        yield return "";
        yield return $"Rule set {result.RuleSet.Version}, {result.RuleSet.Hash}";
    }

    /// <summary>Writes the whole result.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set that gave it.</param>
    public static void Write(TextWriter output, TriageResult result, RuleSet ruleSet)
    {
        output.WriteLine(Headline(result));
        output.WriteLine(result.Disposition);
        output.WriteLine();
        foreach (var line in Details(result, ruleSet))
        {
            output.WriteLine(line);
        }
    }

    private static IEnumerable<string> Questions(RuleSet ruleSet, string heading, IReadOnlyList<QuestionId> questions)
    {
        if (questions.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return heading;
        foreach (var question in questions.Select(id => Question(ruleSet, id)))
        {
            yield return $"  - {question.JsonId}: {question.Text}";
        }
    }

    /// <summary>
    /// The finding's explanation; for <c>unresolved-red-flag</c> in a settled result, a text that fits it: the library's
    /// asks the patient to answer the remaining questions, which no answer could change.
    /// </summary>
    private static string Explanation(TriageResult result, Finding finding)
    {
        if (finding.RuleId != UnresolvedRedFlag || !result.IsSettled || result.NotAskedQuestions.Count == 0)
        {
            return finding.PatientExplanation;
        }

        return result.UnansweredQuestions.Count == result.NotAskedQuestions.Count
            ? "Some warning-sign questions were not asked: the answers so far already decide the urgency, and no answer to them could change it."
            : "A warning-sign question was answered \"don't know\", so a serious problem cannot be ruled out. The questions not asked could not change the urgency: the answers so far already decide it.";
    }

    /// <summary>The finding's evidence, a red flag that was not asked at all shown as <c>not asked</c> rather than <c>unknown</c>.</summary>
    private static IEnumerable<string> Evidence(TriageResult result, RuleSet ruleSet, Finding finding)
    {
        if (finding.RuleId != UnresolvedRedFlag || result.NotAskedQuestions.Count == 0)
        {
            return finding.Evidence;
        }

        var notAsked = result.NotAskedQuestions.Select(q => $"{Question(ruleSet, q).JsonId}: unknown").ToHashSet(StringComparer.Ordinal);
        return finding.Evidence.Select(e => notAsked.Contains(e) ? string.Concat(e.AsSpan(0, e.Length - "unknown".Length), "not asked") : e);
    }

    /// <summary>A question of the rule set that gave the result (its text may differ between rule sets).</summary>
    private static Question Question(RuleSet ruleSet, QuestionId id) => ruleSet.Questions.First(q => q.Id == id);

    private static IEnumerable<string> Section(string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return heading;
        foreach (var line in lines)
        {
            yield return $"  - {line}";
        }
    }
}
