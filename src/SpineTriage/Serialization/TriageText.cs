using System.Globalization;
using System.Text;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Texts;

namespace SpineTriage.Serialization;

/// <summary>
/// Writes a triage result as plain text for a nurse or a patient, in the language of its texts
/// (<see cref="TriageResult.TextSet"/>), with every heading and label from the text registry (<see cref="TextRegistry"/>,
/// keys <c>label.result.*</c>, <c>result.*</c>, <c>label.urgency.*</c>, <c>label.timeframe.*</c>): what to do first (the
/// urgency and the disposition), then why. The result's own texts are shown as the library worded them, never rewritten;
/// the Markdown form is <see cref="TriageMarkdown.SerializeResult"/>.
/// </summary>
/// <remarks>Thread-safe. Lines are joined with <c>\n</c>.</remarks>
public static class TriageText
{
    /// <summary>The headline: the urgency in capitals with its code and timeframe, for example <c>URGENT (code 4): today, within hours</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set of the engine that gave it (its texts, with the engine's overrides).</param>
    /// <returns>One line.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string Headline(TriageResult result, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var texts = TextsOf(result, ruleSet);
        return string.Create(CultureInfo.InvariantCulture, $"{UrgencyName(texts, result.Urgency)} ({texts.Get("label.result.code")} {result.Urgency.Code()}): {texts.Timeframe(result.Urgency)}");
    }

    /// <summary>The name of an urgency in capitals, as the headline shows it, for example <c>SELF CARE</c> or <c>URGENTE</c>.</summary>
    /// <param name="texts">The registry of the language.</param>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is <see langword="null"/>.</exception>
    public static string UrgencyName(TextRegistry texts, Urgency urgency)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.UrgencyName(urgency).ToUpper(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Everything after the headline and the disposition, one string a line (empty strings separate the sections): the
    /// days since surgery, the findings with their evidence, rationale and source, the red flags not answered and, in a
    /// settled result, those not asked, the care advice, the safety net (its signs as a list), the warnings and the rule set.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set of the engine that gave it: the questions are named with its texts.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Details(TriageResult result, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var texts = TextsOf(result, ruleSet);
        var lines = new List<string>();
        var days = result.DaysSinceSurgery.ToString(CultureInfo.InvariantCulture);
        lines.Add(result.ReportId is null
            ? texts.Format("result.daysSinceSurgery", ("days", days))
            : texts.Format("result.report", ("reportId", result.ReportId), ("days", days)));
        lines.Add("");
        lines.Add(texts.Get("label.result.why"));
        var number = 1;
        foreach (var finding in result.Findings)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {number++}. {finding.Title} [{finding.Urgency.JsonName()}, {texts.Get("label.result.rule")} {finding.RuleId}]"));
            lines.Add($"     {finding.PatientExplanation}");
            if (finding.Evidence.Count > 0)
            {
                lines.Add($"     {texts.Get("label.result.evidence")} {string.Join(", ", finding.Evidence)}");
            }

            lines.Add($"     {texts.Get("label.result.forTheClinician")} {finding.ClinicianRationale}");
            lines.Add($"     {texts.Get("label.result.source")} {finding.Source}");
        }

        var (notAnswered, notAsked) = UnresolvedRedFlags(result);
        var questions = QuestionsOf(result, ruleSet);
        Questions(lines, texts.Get("label.result.notAnswered"), notAnswered, questions);
        Questions(lines, texts.Get("label.result.notAsked"), notAsked, questions);
        Section(lines, texts.Get("label.result.careAdvice"), result.CareAdvice);
        if (result.SafetyNet.Count > 0)
        {
            lines.Add("");
            lines.Add(texts.Get("label.result.safetyNet"));
            var parts = result.SafetyNetParts;
            if (parts is null)
            {
                lines.AddRange(result.SafetyNet.Select(line => $"  - {line}"));
            }
            else
            {
                if (parts.Intro is not null)
                {
                    lines.Add($"  {parts.Intro}");
                }

                lines.AddRange(parts.Signs.Select(sign => $"    - {sign}"));
                lines.Add($"  {parts.Closing}");
            }
        }

        Section(lines, texts.Get("label.result.warnings"), result.Warnings);
        lines.Add("");
        lines.Add($"{texts.Get("label.result.ruleSet")} {result.RuleSet.Version}, {result.RuleSet.Hash}");
        return lines.AsReadOnly();
    }

    /// <summary>Writes the whole result as plain text: the headline, the disposition, an empty line, then <see cref="Details"/>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set of the engine that gave it.</param>
    /// <returns>The text, lines joined with <c>\n</c>, ending in one.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string SerializeResult(TriageResult result, RuleSet ruleSet)
    {
        var text = new StringBuilder()
            .Append(Headline(result, ruleSet)).Append('\n')
            .Append(result.Disposition).Append('\n')
            .Append('\n');
        foreach (var line in Details(result, ruleSet))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The red flags not answered and, in a settled result, those not asked (no answer to them could change the urgency);
    /// in a result that is not settled every unanswered red flag is listed as not answered: its answer could still change it.
    /// </summary>
    internal static (IReadOnlyList<QuestionId> NotAnswered, IReadOnlyList<QuestionId> NotAsked) UnresolvedRedFlags(TriageResult result)
    {
        var notAsked = result.IsSettled ? result.NotAskedQuestions : [];
        return ([.. result.UnansweredQuestions.Where(q => !notAsked.Contains(q))], notAsked);
    }

    /// <summary>The engine's registry in the language of the result's texts (the rule set's language for a result that names none).</summary>
    internal static TextRegistry TextsOf(TriageResult result, RuleSet ruleSet) =>
        new(ruleSet.TextsIn(result.TextSet?.Language ?? ruleSet.Language).Catalogue);

    /// <summary>The questions of the rule set that gave the result, worded in the language of its texts.</summary>
    internal static IReadOnlyList<Question> QuestionsOf(TriageResult result, RuleSet ruleSet) =>
        ruleSet.QuestionsIn(result.TextSet?.Language ?? ruleSet.Language);

    private static void Questions(List<string> lines, string heading, IReadOnlyList<QuestionId> ids, IReadOnlyList<Question> questions)
    {
        if (ids.Count == 0)
        {
            return;
        }

        lines.Add("");
        lines.Add(heading);
        foreach (var question in ids.Select(id => questions.First(q => q.Id == id)))
        {
            lines.Add($"  - {question.JsonId}: {question.Text}");
        }
    }

    private static void Section(List<string> lines, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        lines.Add("");
        lines.Add(heading);
        lines.AddRange(items.Select(item => $"  - {item}"));
    }
}
