using System.Globalization;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>
/// The interview as plain text, one reply per line: for redirected input or output, so that a session can be
/// scripted, driven by another program and tested.
/// </summary>
/// <remarks>
/// The transcript is stable (docs/console.md): every prompt is one line, ending in a newline and flushed before a reply
/// is read, but for a question of several signs, whose numbered line holds its lead, followed by one sign a line
/// (<c>  - </c>) and the line "Answer yes if any of these is true." with the choices; catalogue questions start with
/// <c>[n/N</c> (<c>[n/N RF]</c> for red flags), N the number of questions that apply to this patient; each reply read is echoed on its
/// own line starting with <c>&gt; </c>; the result starts with the level in capitals.
/// </remarks>
/// <param name="input">The replies.</param>
/// <param name="output">The prompts and the result.</param>
/// <param name="error">Why the interview stopped without a result.</param>
/// <param name="language">The language of the console's own texts (the questions come in the engine's).</param>
internal sealed class PlainScreen(TextReader input, TextWriter output, TextWriter error, ConsoleLanguage language = ConsoleLanguage.English) : IInterviewScreen
{
    private readonly Prompts _texts = Prompts.For(language);

    public void Introduce()
    {
        output.WriteLine(_texts.PlainTitle);
        output.WriteLine(Prompts.With(_texts.AnswerEach, _texts.Answers) + " " + _texts.Emergency);
        output.WriteLine();
    }

    public string? Ask(Prompt prompt)
    {
        var number = prompt.Question is { } question
            ? string.Create(CultureInfo.InvariantCulture, $"[{prompt.Number}/{prompt.Count}{(question.IsRedFlag ? " RF" : "")}] ")
            : "";
        if (prompt.Question is { Signs.Count: > 0 } listed)
        {
            // A question of several signs: the lead on the numbered line, one sign a line, then the library's hint
            // (answer yes if any of these is true) with the choices, the line the reply answers.
            output.WriteLine($"{number}{listed.Lead}");
            foreach (var sign in listed.Signs)
            {
                output.WriteLine($"  - {sign}");
            }

            output.WriteLine($"  {listed.AnswerHint} ({prompt.Choices})");
        }
        else
        {
            output.WriteLine($"{number}{prompt.Text} ({prompt.Choices})");
        }

        output.Flush();
        var line = BoundedLine.Read(input, Conversation.MaxReplyLength);
        if (line is not null)
        {
            // The reply is echoed so that a transcript of a piped session reads as a conversation; like every echoed
            // value, at most 40 characters of it (a reply that long is not understood anyway).
            output.WriteLine($"> {(line.Length <= 40 ? line : string.Concat(line.AsSpan(0, 40), "…"))}");
        }

        return line;
    }

    public void Reject(string message) => output.WriteLine($"{_texts.NotUnderstood} {message}");

    public void Abort(string reason)
    {
        output.Flush();
        error.WriteLine($"spinetriage: {reason}");
    }

    public void Show(TriageResult result, RuleSet ruleSet, bool stoppedEarly)
    {
        output.WriteLine();
        if (stoppedEarly)
        {
            output.WriteLine(Prompts.With(_texts.Settled, TriageText.UrgencyName(_texts.Registry, result.Urgency)));
            output.WriteLine();
        }

        Commands.TriageCommand.WriteResult(output, result, ruleSet);
        output.Flush();
    }
}
