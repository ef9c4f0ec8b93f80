using System.Globalization;
using System.Text;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.Serialization;

/// <summary>Markdown renderings for people who audit the rules (the JSON forms are in <see cref="TriageJson"/>).</summary>
/// <remarks>Thread-safe; output uses <c>\n</c> line endings and is the same on every machine.</remarks>
public static class TriageMarkdown
{
    /// <summary>
    /// Renders a rule set as Markdown for a clinical reviewer (the text of <c>docs/rules.md</c>, generated from the
    /// rule-set documents): name, version, hash, thresholds, then one table row per rule with its urgency, condition,
    /// consideration and source, then the questions in asking order with when each applies and counts as a red flag, the
    /// derived facts, the safety-net signs, the care advice, and the version history.
    /// </summary>
    /// <param name="ruleSet">The rule set, for example <see cref="Engine.TriageEngine.RuleSet"/>.</param>
    /// <returns>The Markdown document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public static string SerializeRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var text = new StringBuilder()
            .Append("# SpineTriage rule set ").Append(ruleSet.Version).Append("\n\n")
            .Append("- Name: `").Append(ruleSet.Edition.Name).Append("`\n")
            .Append("- Selector: `").Append(ruleSet.Selector).Append("`\n")
            .Append("- Hash: `").Append(ruleSet.Hash).Append("`\n")
            .Append("- Fever threshold: ").Append(ruleSet.FeverThresholdCelsius.ToString("0.0", CultureInfo.InvariantCulture)).Append(" °C\n")
            .Append("- Severe pain score: ").Append(ruleSet.SeverePainScore.ToString(CultureInfo.InvariantCulture)).Append("\n\n")
            .Append("Every rule is evaluated for every report; the result's urgency is the highest urgency of any finding, whatever the order of the rules. ")
            .Append("Rules are listed in catalogue order, the order of the document (findings of one urgency are listed in it).\n\n")
            .Append("| # | id | urgency | fires when | consideration | source |\n")
            .Append("|---|---|---|---|---|---|\n");
        var number = 1;
        foreach (var rule in ruleSet.Rules)
        {
            text.Append("| ").Append(number++.ToString(CultureInfo.InvariantCulture))
                .Append(" | `").Append(rule.Id).Append("` | ")
                .Append(rule.Urgency.JsonName()).Append(" (").Append(rule.Urgency.Code().ToString(CultureInfo.InvariantCulture)).Append(") | ")
                .Append(Cell(rule.Condition)).Append(" | ")
                .Append(Cell(rule.Consideration)).Append(" | ")
                .Append(Cell(rule.Source)).Append(" |\n");
        }

        text.Append("\n## Questions\n\n")
            .Append("Asked in this order; a red flag (RF) must be answered before a disposition below urgent is given. A question that does not ")
            .Append("always apply is not asked where it does not apply, and its being unknown there leaves the report complete; a yes to it still counts.\n\n")
            .Append("| question id | order | RF | applies | question |\n")
            .Append("|---|---|---|---|---|\n");
        foreach (var question in ruleSet.Questions)
        {
            text.Append("| `").Append(question.JsonId).Append("` | ")
                .Append(question.Order.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(!question.IsRedFlag ? "" : question.RedFlagApplicability == "always" ? "RF" : "RF when " + Cell(question.RedFlagApplicability)).Append(" | ")
                .Append(Cell(question.Applicability)).Append(" | ")
                .Append(Cell(question.Text)).Append(" |\n");
        }

        var edition = ruleSet.Edition;
        var conditions = edition.Document.Conditions(ruleSet.FeverThresholdCelsius, ruleSet.SeverePainScore);
        text.Append("\n## Derived facts\n\n")
            .Append("Besides fever (present, absent or unknown, with the fever threshold), the days since surgery and the unresolved red flags, ")
            .Append("which the engine derives itself, the rules read these facts, each defined once:\n\n")
            .Append("| fact | holds when |\n|---|---|\n");
        foreach (var fact in edition.Document.Facts)
        {
            text.Append("| `").Append(fact.Id).Append("` | ").Append(Cell(conditions.Read(fact.When, fact.Path + ".when").Description)).Append(" |\n");
        }

        text.Append("\n## Safety net\n\n")
            .Append("Every result ends with the safety net: the emergency signs that are not present, each where it is listed, then the call-back line.\n\n")
            .Append("| sign | listed when | left out when | text |\n|---|---|---|---|\n");
        foreach (var sign in edition.EmergencySigns)
        {
            text.Append("| `").Append(sign.Key).Append("` | ")
                .Append(Cell(sign.ListedWhen.Description)).Append(" | ")
                .Append(Cell(sign.Present(ruleSet.FeverThresholdCelsius).Description)).Append(" | ")
                .Append(Cell(sign.Text)).Append(" |\n");
        }

        text.Append("\n## Care advice\n\n")
            .Append("Risk factors never change the urgency; each one present adds its advice line.");
        foreach (var advice in edition.ConditionalAdvice)
        {
            text.Append(" When ").Append(advice.When.Description).Append(", the advice `").Append(advice.TextKey).Append("` is added.");
        }

        text.Append(" At selfCare the self-care advice (").Append(string.Join(", ", edition.Document.SelfCareAdvice.Select(k => $"`{k}`"))).Append(") ends the list.\n");

        text.Append("\n## Versions\n\n");
        foreach (var change in ruleSet.Changes)
        {
            text.Append("- ").Append(change).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Renders a triage result as Markdown, in the language of its texts, with the headings of the text registry: the
    /// headline as a heading, the disposition, then the sections of <see cref="TriageText.Details"/> (findings as a numbered
    /// list, the safety net's signs as a bulleted list). The result's texts are shown as the library worded them.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="ruleSet">The rule set of the engine that gave it (its texts, with the engine's overrides).</param>
    /// <returns>The Markdown document, lines joined with <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string SerializeResult(TriageResult result, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var texts = TriageText.TextsOf(result, ruleSet);
        var days = result.DaysSinceSurgery.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append("# ").Append(Inline(TriageText.Headline(result, ruleSet))).Append("\n\n")
            .Append("**").Append(Inline(result.Disposition)).Append("**\n\n")
            .Append(Inline(result.ReportId is null
                ? texts.Format("result.daysSinceSurgery", ("days", days))
                : texts.Format("result.report", ("reportId", result.ReportId), ("days", days)))).Append("\n\n")
            .Append("## ").Append(Heading(texts.Get("label.result.why"))).Append("\n\n");
        var number = 1;
        foreach (var finding in result.Findings)
        {
            text.Append(number++.ToString(CultureInfo.InvariantCulture)).Append(". **").Append(Inline(finding.Title)).Append("** (")
                .Append(finding.Urgency.JsonName()).Append(", ").Append(Inline(texts.Get("label.result.rule"))).Append(" `").Append(finding.RuleId).Append("`)\n")
                .Append("   ").Append(Inline(finding.PatientExplanation)).Append('\n');
            if (finding.Evidence.Count > 0)
            {
                text.Append("   ").Append(Inline(texts.Get("label.result.evidence"))).Append(' ').Append(Inline(string.Join(", ", finding.Evidence))).Append('\n');
            }

            text.Append("   ").Append(Inline(texts.Get("label.result.forTheClinician"))).Append(' ').Append(Inline(finding.ClinicianRationale)).Append('\n')
                .Append("   ").Append(Inline(texts.Get("label.result.source"))).Append(' ').Append(Inline(finding.Source)).Append('\n');
        }

        var (notAnswered, notAsked) = TriageText.UnresolvedRedFlags(result);
        var questions = TriageText.QuestionsOf(result, ruleSet);
        List(text, texts.Get("label.result.notAnswered"), [.. notAnswered.Select(id => questions.First(q => q.Id == id)).Select(q => $"`{q.JsonId}`: {Inline(q.Text)}")]);
        List(text, texts.Get("label.result.notAsked"), [.. notAsked.Select(id => questions.First(q => q.Id == id)).Select(q => $"`{q.JsonId}`: {Inline(q.Text)}")]);
        List(text, texts.Get("label.result.careAdvice"), [.. result.CareAdvice.Select(Inline)]);
        if (result.SafetyNetParts is { } parts)
        {
            text.Append("\n## ").Append(Heading(texts.Get("label.result.safetyNet"))).Append("\n\n");
            if (parts.Intro is not null)
            {
                text.Append(Inline(parts.Intro)).Append("\n\n");
            }

            foreach (var sign in parts.Signs)
            {
                text.Append("- ").Append(Inline(sign)).Append('\n');
            }

            text.Append(parts.Signs.Count > 0 ? "\n" : "").Append(Inline(parts.Closing)).Append('\n');
        }
        else
        {
            List(text, texts.Get("label.result.safetyNet"), [.. result.SafetyNet.Select(Inline)]);
        }

        List(text, texts.Get("label.result.warnings"), [.. result.Warnings.Select(Inline)]);
        text.Append('\n').Append(Inline(texts.Get("label.result.ruleSet"))).Append(' ').Append(result.RuleSet.Version).Append(", `").Append(result.RuleSet.Hash).Append("`\n");
        return text.ToString();
    }

    private static void List(StringBuilder text, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append("\n## ").Append(Heading(heading)).Append("\n\n");
        foreach (var item in items)
        {
            text.Append("- ").Append(item).Append('\n');
        }
    }

    /// <summary>A registry heading (<c>Care advice:</c>) as a Markdown heading, without its closing colon.</summary>
    private static string Heading(string label) => Inline(label.TrimEnd(':', ' '));

    /// <summary>Escapes the characters Markdown would read as markup inside a line of text.</summary>
    private static string Inline(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
