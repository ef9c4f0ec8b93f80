using System.CommandLine;
using System.Text;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Rules;
using SpineTriage.Serialization;
using SpineTriage.Texts;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage rules [--format text|json] [--rule-set 1.0|2.0]</c>: prints the rule catalogue with its selector, version and hash; the text is a
/// Markdown table, so <c>--format markdown</c> (contract.md) is accepted for <c>text</c>.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var format = OutputFormats.Option("rules", "a Markdown table", "the rule catalogue JSON", textSynonym: OutputFormats.Markdown);
        var selector = RuleSetEngines.Option(RuleSetEngines.OptionName, "The rule set to print: 2.0 (the default) or 1.0.");
        var ruleSetFile = RuleSetEngines.FileOption();
        var language = ConsoleLanguages.Option("The language of the patient texts: en (English, the default) or es (Spanish, translation to be reviewed before clinical use).");
        var command = new Command("rules", "Prints the rule catalogue: id, urgency, condition, consideration, source, rule-set selector, version and hash.")
        {
            format,
            selector,
            ruleSetFile,
            language,
        };
        command.SetAction(parsed =>
        {
            var engine = engines.Choose(parsed.GetValue(ruleSetFile), parsed.GetValue(selector)!, ConsoleLanguages.Of(parsed, language), io, parsed.GetRequiredValue(format));
            if (engine is null)
            {
                return ExitCodes.InvalidInput;
            }

            var ruleSet = engine.RuleSet;
            io.Out.Write(OutputFormats.IsJson(parsed.GetRequiredValue(format)) ? TriageJson.SerializeRuleSet(ruleSet) + "\n" : Markdown(ruleSet));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The rule catalogue as Markdown (the library's, whose question section is in the rule set's language); for a
    /// language other than English, followed by a section with each rule's patient texts in that language (the English
    /// Markdown names no patient text of a rule, so English is unchanged).
    /// </summary>
    internal static string Markdown(RuleSet ruleSet)
    {
        var markdown = TriageMarkdown.SerializeRuleSet(ruleSet);
        if (ruleSet.Language == TextLanguages.English)
        {
            return markdown;
        }

        var text = new StringBuilder(markdown)
            .Append("\n## Textos para el paciente (").Append(ruleSet.Language).Append(")\n\n")
            .Append("Traducción pendiente de revisión por un traductor médico cualificado antes del uso clínico.\n\n")
            .Append("| id | título | explicación para el paciente |\n")
            .Append("|---|---|---|\n");
        foreach (var rule in ruleSet.Rules)
        {
            text.Append("| `").Append(rule.Id).Append("` | ")
                .Append(Cell(rule.Title)).Append(" | ")
                .Append(Cell(rule.PatientExplanation)).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
