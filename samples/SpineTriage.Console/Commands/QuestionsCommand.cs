using System.CommandLine;
using System.Globalization;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Reports;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary><c>spinetriage questions [--format text|json]</c>: prints the question catalogue in asking order.</summary>
internal static class QuestionsCommand
{
    public static Command Create(ConsoleIO io)
    {
        var format = OutputFormats.Option(OutputFormats.Text, OutputFormats.Text, OutputFormats.Json);
        var command = new Command("questions", "Prints the questions in asking order; RF marks a red-flag question.")
        {
            format,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetRequiredValue(format) == OutputFormats.Json)
            {
                io.Out.WriteLine(TriageJson.SerializeQuestions());
            }
            else
            {
                WriteText(io.Out);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output)
    {
        output.WriteLine("Questions in asking order (RF = red flag; the questions that can reach the highest urgency come first):");
        output.WriteLine();
        var width = QuestionCatalogue.All.Max(q => q.JsonId.Length);
        foreach (var question in QuestionCatalogue.All)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{question.Order,2}. {(question.IsRedFlag ? "RF" : "  ")}  {question.JsonId.PadRight(width)}  {question.Text}"));
        }
    }
}
