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
    public static Command Create(Lazy<TriageEngine> engine)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "The symptom report JSON file (contract.md), or - to read it from standard input. At most 1 MiB.",
            Required = true,
            HelpName = "FILE",
        };
        var format = OutputFormats.Option(OutputFormats.Text, OutputFormats.Text, OutputFormats.Json);
        var command = new Command("triage", "Triages one symptom report and prints the urgency, the disposition and why. Exit 0; 2 for invalid input.")
        {
            input,
            format,
        };
        command.SetAction(parsed => Run(engine.Value, parsed.GetRequiredValue(input), parsed.GetRequiredValue(format)));
        return command;
    }

    private static int Run(TriageEngine engine, string input, string format)
    {
        if (!InputFile.TryReadBytes(input, out var content, out var readError))
        {
            return ErrorOutput.Write(format, "cannot triage", [new ValidationError("$", ErrorCodes.Unreadable, readError)]);
        }

        if (content.IsEmpty)
        {
            return ErrorOutput.Write(format, "cannot triage", [new ValidationError("$", ErrorCodes.MalformedJson, $"{Describe(input)} is empty; expected a symptom report JSON object.")]);
        }

        var outcome = engine.TriageJson(content.Span);
        if (!outcome.IsSuccess)
        {
            return ErrorOutput.Write(format, "the report is invalid", outcome.Errors);
        }

        if (format == OutputFormats.Json)
        {
            Console.Out.WriteLine(TriageJson.SerializeResult(outcome.Value));
        }
        else
        {
            ResultText.Write(Console.Out, outcome.Value);
        }

        return ExitCodes.Success;
    }

    private static string Describe(string input) => input == InputFile.StandardInput ? "standard input" : input;
}
