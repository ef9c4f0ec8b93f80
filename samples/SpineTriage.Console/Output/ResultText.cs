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
    /// <param name="language">The language of the console's words (the urgency's name, "code", the timeframe).</param>
    /// <returns>One line.</returns>
    public static string Headline(TriageResult result, ConsoleLanguage language = ConsoleLanguage.English)
    {
        var labels = ResultLabels.For(language);
        return string.Create(CultureInfo.InvariantCulture, $"{labels.Name(result.Urgency)} ({labels.Code} {result.Urgency.Code()}): {labels.Timeframe(result.Urgency)}");
    }

    /// <summary>The name of an urgency as shown to people, for example <c>SELF CARE</c>.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <param name="language">The language of the name (Spanish: for example <c>CUIDADOS EN CASA</c>).</param>
    /// <returns>The name in capitals.</returns>
    public static string Name(Urgency urgency, ConsoleLanguage language = ConsoleLanguage.English) => ResultLabels.For(language).Name(urgency);

    /// <summary>Everything after the headline and the disposition: findings, unanswered red flags, advice, safety net, warnings, rule set.</summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set that gave it: the questions are named with its texts.</param>
    /// <param name="language">The language of the console's headings and labels.</param>
    /// <returns>The lines; empty strings separate the sections.</returns>
    public static IEnumerable<string> Details(TriageResult result, RuleSet ruleSet, ConsoleLanguage language = ConsoleLanguage.English)
    {
        var labels = ResultLabels.For(language);
        var days = result.DaysSinceSurgery.ToString(CultureInfo.InvariantCulture);
        yield return result.ReportId is null
            ? labels.Texts.Format("result.daysSinceSurgery", ("days", days))
            : labels.Texts.Format("result.report", ("reportId", result.ReportId), ("days", days));
        yield return "";
        yield return labels.Why;
        var number = 1;
        foreach (var finding in result.Findings)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {number++}. {finding.Title} [{finding.Urgency.JsonName()}, {labels.Rule} {finding.RuleId}]");
            yield return $"     {Explanation(result, finding, labels)}";
            if (finding.Evidence.Count > 0)
            {
                yield return $"     {labels.Evidence} {string.Join(", ", Evidence(result, ruleSet, finding))}";
            }

            yield return $"     {labels.ForTheClinician} {finding.ClinicianRationale}";
            yield return $"     {labels.Source} {finding.Source}";
        }

        // When the triage is settled, the red flags not asked are not missing answers: no answer to them could change
        // the urgency. Otherwise every unanswered red flag is listed as before: its answer could still change it.
        var notAsked = result.IsSettled ? result.NotAskedQuestions : [];
        var notAnswered = result.UnansweredQuestions.Where(q => !notAsked.Contains(q)).ToList();
        foreach (var line in Questions(ruleSet, result, labels.NotAnswered, notAnswered))
        {
            yield return line;
        }

        foreach (var line in Questions(ruleSet, result, labels.NotAsked, notAsked))
        {
            yield return line;
        }

        foreach (var line in Section(labels.CareAdvice, result.CareAdvice))
        {
            yield return line;
        }

        foreach (var line in Section(labels.SafetyNet, result.SafetyNet))
        {
            yield return line;
        }

        foreach (var line in Section(labels.Warnings, result.Warnings))
        {
            yield return line;
        }

        yield return "";
        yield return $"{labels.RuleSet} {result.RuleSet.Version}, {result.RuleSet.Hash}";
    }

    /// <summary>Writes the whole result.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set that gave it.</param>
    /// <param name="language">The language of the console's words around the library's texts.</param>
    public static void Write(TextWriter output, TriageResult result, RuleSet ruleSet, ConsoleLanguage language = ConsoleLanguage.English)
    {
        output.WriteLine(Headline(result, language));
        output.WriteLine(result.Disposition);
        output.WriteLine();
        foreach (var line in Details(result, ruleSet, language))
        {
            output.WriteLine(line);
        }
    }

    private static IEnumerable<string> Questions(RuleSet ruleSet, TriageResult result, string heading, IReadOnlyList<QuestionId> questions)
    {
        if (questions.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return heading;
        foreach (var question in questions.Select(id => Question(ruleSet, result, id)))
        {
            yield return $"  - {question.JsonId}: {question.Text}";
        }
    }

    /// <summary>
    /// The finding's explanation; for <c>unresolved-red-flag</c> in a settled result, a text that fits it: the library's
    /// asks the patient to answer the remaining questions, which no answer could change.
    /// </summary>
    private static string Explanation(TriageResult result, Finding finding, ResultLabels labels)
    {
        if (finding.RuleId != UnresolvedRedFlag || !result.IsSettled || result.NotAskedQuestions.Count == 0)
        {
            return finding.PatientExplanation;
        }

        return result.UnansweredQuestions.Count == result.NotAskedQuestions.Count
            ? labels.SettledNotAsked
            : labels.SettledDoNotKnow;
    }

    /// <summary>The finding's evidence, a red flag that was not asked at all shown as <c>not asked</c> rather than <c>unknown</c>.</summary>
    private static IEnumerable<string> Evidence(TriageResult result, RuleSet ruleSet, Finding finding)
    {
        if (finding.RuleId != UnresolvedRedFlag || result.NotAskedQuestions.Count == 0)
        {
            return finding.Evidence;
        }

        var notAsked = result.NotAskedQuestions.Select(q => $"{Question(ruleSet, result, q).JsonId}: unknown").ToHashSet(StringComparer.Ordinal);
        return finding.Evidence.Select(e => notAsked.Contains(e) ? string.Concat(e.AsSpan(0, e.Length - "unknown".Length), "not asked") : e);
    }

    /// <summary>
    /// A question of the rule set that gave the result (its text may differ between rule sets), in the language of the
    /// result's texts (a report may name its own language).
    /// </summary>
    private static Question Question(RuleSet ruleSet, TriageResult result, QuestionId id) =>
        (result.TextSet is { Language: var language } && language != ruleSet.Language ? ruleSet.QuestionsIn(language) : ruleSet.Questions).First(q => q.Id == id);

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
