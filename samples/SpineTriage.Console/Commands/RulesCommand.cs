using System.CommandLine;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Engine;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary><c>spinetriage rules [--format markdown|json]</c>: prints the rule catalogue with its version and hash.</summary>
internal static class RulesCommand
{
    public static Command Create(Lazy<TriageEngine> engine, ConsoleIO io)
    {
        var format = OutputFormats.Option(OutputFormats.Markdown, OutputFormats.Markdown, OutputFormats.Json);
        var command = new Command("rules", "Prints the rule catalogue: id, urgency, condition, consideration, source, rule-set version and hash.")
        {
            format,
        };
        command.SetAction(parsed =>
        {
            var ruleSet = engine.Value.RuleSet;
            io.Out.Write(parsed.GetRequiredValue(format) == OutputFormats.Json ? TriageJson.SerializeRuleSet(ruleSet) + "\n" : ruleSet.ToMarkdown());
            return ExitCodes.Success;
        });
        return command;
    }
}
