using System.Globalization;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The interview as plain text, one reply per line: for redirected input or output, so that a session can be
/// scripted and tested.
/// </summary>
internal sealed class PlainScreen(TextReader input, TextWriter output, TextWriter error) : IInterviewScreen
{
    public void Introduce()
    {
        output.WriteLine("SpineTriage interview after spine surgery with implanted hardware. Decision support, not a diagnosis.");
        output.WriteLine($"Answer each question {ReplyParser.AnswerChoices}. If you have an emergency, call emergency services now.");
        output.WriteLine();
    }

    public string? Ask(InterviewStep step)
    {
        var number = step.Question is { } question
            ? string.Create(CultureInfo.InvariantCulture, $"[{question.Order}/{QuestionCatalogue.Count}{(question.IsRedFlag ? " RF" : "")}] ")
            : "";
        output.WriteLine($"{number}{step.Prompt} ({step.Choices})");
        return input.ReadLine();
    }

    public void Reject(string message) => output.WriteLine($"Not understood: {message}");

    public void Abort(string reason) => error.WriteLine($"spinetriage: {reason}");

    public void Show(TriageResult result, bool stoppedEarly)
    {
        output.WriteLine();
        if (stoppedEarly)
        {
            output.WriteLine($"No further answer can change the urgency ({ResultText.Name(result.Urgency)}), so the remaining questions were not asked.");
            output.WriteLine();
        }

        ResultText.Write(output, result);
    }
}
