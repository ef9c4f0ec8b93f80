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
    /// Renders a rule catalogue as Markdown (the text of <c>docs/rules.md</c>): version, hash, thresholds, then one
    /// table row per rule with its urgency, condition, consideration and source, then the questions in asking order with
    /// when each applies, then the version history.
    /// </summary>
    /// <param name="ruleSet">The rule set, for example <see cref="Engine.TriageEngine.RuleSet"/>.</param>
    /// <returns>The Markdown document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public static string SerializeRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var text = new StringBuilder()
            .Append("# SpineTriage rule set ").Append(ruleSet.Version).Append("\n\n")
            .Append("- Selector: `").Append(ruleSet.Selector).Append("`\n")
            .Append("- Hash: `").Append(ruleSet.Hash).Append("`\n")
            .Append("- Fever threshold: ").Append(ruleSet.FeverThresholdCelsius.ToString("0.0", CultureInfo.InvariantCulture)).Append(" °C\n")
            .Append("- Severe pain score: ").Append(ruleSet.SeverePainScore.ToString(CultureInfo.InvariantCulture)).Append("\n\n")
            .Append("Every rule is evaluated for every report; the result's urgency is the highest urgency of any finding. ")
            .Append("Rules are listed in evaluation order (highest urgency first).\n\n")
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
                .Append(question.IsRedFlag ? "RF" : "").Append(" | ")
                .Append(Cell(question.Applicability)).Append(" | ")
                .Append(Cell(question.Text)).Append(" |\n");
        }

        text.Append("\n## Versions\n\n");
        foreach (var change in ruleSet.Changes)
        {
            text.Append("- ").Append(change).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
