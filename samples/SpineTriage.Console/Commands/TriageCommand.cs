using System.CommandLine;
using SpineTriage.ConsoleHost.Input;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Engine;
using SpineTriage.Serialization;
using SpineTriage.Validation;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary><c>spinetriage triage --input FILE|- [--format text|json]</c>: triages one report.</summary>
internal static class TriageCommand
{
    public static Command Create(RuleSetEngines engines, ConsoleIO io)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "The symptom report JSON file (docs/contract.md; schema docs/schemas/report.schema.json), or - to read it from standard input. At most 1 MiB.",
            Required = true,
            HelpName = "FILE",
        };
        var format = OutputFormats.Option("triage", "for a nurse: what to do, then why", "the contract's triage result (errors as the contract's error JSON)");
        var ruleSet = RuleSetEngines.Option(RuleSetEngines.OptionName, "The rule set that triages the report: 2.0 (the default) or 1.0. A 1.0 report answers no question of 2.0.");
        var ruleSetFile = RuleSetEngines.FileOption();
        var language = ConsoleLanguages.Option("The language of the patient texts: en (English, the default) or es (Spanish, translation to be reviewed before clinical use).");
        var command = new Command("triage", "Triages one symptom report and prints the urgency, the disposition and why. Exit 0; 2 for invalid input.")
        {
            input,
            format,
            ruleSet,
            ruleSetFile,
            language,
        };
        command.SetAction(parsed =>
        {
            var chosen = ConsoleLanguages.Of(parsed, language);
            var engine = engines.Choose(parsed.GetValue(ruleSetFile), parsed.GetValue(ruleSet)!, chosen, io, parsed.GetRequiredValue(format));
            return engine is null ? ExitCodes.InvalidInput : Run(engine, chosen, io, parsed.GetRequiredValue(input), parsed.GetRequiredValue(format));
        });
        return command;
    }

    private static int Run(TriageEngine engine, ConsoleLanguage language, ConsoleIO io, string input, string format)
    {
        if (!InputFile.TryReadBytes(input, io, out var content, out var readError, out var code))
        {
            return ErrorOutput.Write(io.Error, format, "cannot triage", [new ValidationError("$", code, readError)]);
        }

        if (content.IsEmpty)
        {
            return ErrorOutput.Write(io.Error, format, "cannot triage", [new ValidationError("$", ErrorCodes.MalformedJson, $"{Describe(input)} is empty; expected a symptom report JSON object.")]);
        }

        var outcome = engine.TriageJson(content.Span);
        if (!outcome.IsSuccess)
        {
            return ErrorOutput.Write(io.Error, format, "the report is invalid", outcome.Errors);
        }

        if (OutputFormats.IsJson(format))
        {
            io.Out.WriteLine(TriageJson.SerializeResult(outcome.Value));
        }
        else
        {
            // The library's renderer words the result in its own language (a report may name one): no words of the console's.
            WriteResult(io.Out, outcome.Value, engine.RuleSet);
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes a result as the library's plain-text renderer words it (<see cref="TriageText"/>), one line at a time.</summary>
    internal static void WriteResult(TextWriter output, Results.TriageResult result, Rules.RuleSet ruleSet)
    {
        output.WriteLine(TriageText.Headline(result, ruleSet));
        output.WriteLine(result.Disposition);
        output.WriteLine();
        foreach (var line in TriageText.Details(result, ruleSet))
        {
            output.WriteLine(line);
        }
    }

    private static string Describe(string input) => input == InputFile.StandardInput ? "standard input" : input;
}
