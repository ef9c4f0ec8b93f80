using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage rules [--format text|json] [--rule-set 1.0|2.0]</c>: prints the rule catalogue with its selector, version and hash; the text is a
/// Markdown table, so <c>--format markdown</c> (contract.md) is accepted for <c>text</c>.
/// </summary>
internal static class RulesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var format = OutputFormats.Option("rules", "a Markdown table", "the rule catalogue JSON", textSynonym: OutputFormats.Markdown);
        var selector = RuleSetEngines.Option(RuleSetEngines.OptionName, "The rule set to print: 2.0 (the default) or 1.0.");
        var language = ConsoleLanguages.Option("The language of the patient texts: en (English, the default) or es (Spanish, translation to be reviewed before clinical use).");
        var command = new Command("rules", "Prints the rule catalogue: id, urgency, condition, consideration, source, rule-set selector, version and hash.")
        {
            format,
            selector,
            language,
        };
        command.SetAction(parsed =>
        {
            var ruleSet = engines.For(parsed.GetValue(selector)!, ConsoleLanguages.Of(parsed, language)).RuleSet;
            io.Out.Write(OutputFormats.IsJson(parsed.GetRequiredValue(format)) ? Json(ruleSet) + "\n" : TriageMarkdown.SerializeRuleSet(ruleSet));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The rule catalogue JSON with the selector of its line added as <c>ruleSet</c> after <c>version</c> (additive, as in
    /// the question catalogue JSON), unless the library already writes it.
    /// </summary>
    internal static string Json(RuleSet ruleSet)
    {
        var json = TriageJson.SerializeRuleSet(ruleSet);
        var document = JsonNode.Parse(json)!.AsObject();
        if (document.ContainsKey("ruleSet"))
        {
            return json;
        }

        var withSelector = new JsonObject();
        foreach (var (name, value) in document.ToList())
        {
            document.Remove(name);
            withSelector.Add(name, value);
            if (name == "version")
            {
                withSelector.Add("ruleSet", ruleSet.Selector);
            }
        }

        return withSelector.ToJsonString(Indented);
    }
}
