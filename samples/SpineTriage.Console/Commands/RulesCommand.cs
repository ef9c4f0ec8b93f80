using System.CommandLine;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Engine;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage rules [--format text|json]</c>: prints the rule catalogue with its version and hash; the text is a
/// Markdown table, so <c>--format markdown</c> (contract.md) is accepted for <c>text</c>.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(Lazy<TriageEngine> engine, ConsoleIO io)
    {
        var format = OutputFormats.Option("rules", "a Markdown table", "the rule catalogue JSON", textSynonym: OutputFormats.Markdown);
        var command = new Command("rules", "Prints the rule catalogue: id, urgency, condition, consideration, source, rule-set version and hash.")
        {
            format,
        };
        command.SetAction(parsed =>
        {
            var ruleSet = engine.Value.RuleSet;
            io.Out.Write(OutputFormats.IsJson(parsed.GetRequiredValue(format)) ? TriageJson.SerializeRuleSet(ruleSet) + "\n" : TriageMarkdown.SerializeRuleSet(ruleSet));
            return ExitCodes.Success;
        });
        return command;
    }
}
