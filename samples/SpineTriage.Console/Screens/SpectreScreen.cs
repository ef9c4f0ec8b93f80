using System.Globalization;
using Spectre.Console;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Serialization;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>The interview on a terminal: prompts and colours by Spectre.Console; replies read by <see cref="TerminalLine"/>.</summary>
/// <param name="console">Where to write.</param>
/// <param name="readKey">Reads one key without echoing it; <see langword="null"/> when no more keys can come.</param>
/// <param name="language">The language of the console's own texts (the questions come in the engine's).</param>
internal sealed class SpectreScreen(IAnsiConsole console, Func<ConsoleKeyInfo?> readKey, ConsoleLanguage language = ConsoleLanguage.English) : IInterviewScreen
{
    private readonly Prompts _texts = Prompts.For(language);

    public void Introduce()
    {
        console.Write(new Rule($"[bold]SpineTriage[/]{Markup.Escape(_texts.TerminalTitle["SpineTriage".Length..])}").LeftJustified());
        console.MarkupLine($"[grey]{Markup.Escape(_texts.NotADiagnosis)}[/] [bold red]{Markup.Escape(_texts.Emergency)}[/]");
        console.WriteLine();
    }

    public string? Ask(Prompt prompt)
    {
        var number = prompt.Question is { } question
            ? string.Create(CultureInfo.InvariantCulture, $"[grey]{prompt.Number}/{prompt.Count}[/] {(question.IsRedFlag ? "[red]RF[/] " : "")}")
            : "";
        if (prompt.Question is { Signs.Count: > 0 } listed)
        {
            // A question of several signs: the lead, one sign a line, then the library's hint (answer yes if any is true).
            console.MarkupLine($"{number}[bold]{Markup.Escape(listed.Lead)}[/]");
            foreach (var sign in listed.Signs)
            {
                console.MarkupLine($"  [bold]- {Markup.Escape(sign)}[/]");
            }

            console.Markup($"  {Markup.Escape(listed.AnswerHint!)} [grey]({Markup.Escape(prompt.Choices)})[/] ");
            return TerminalLine.Read(readKey, console.Write);
        }

        console.Markup($"{number}[bold]{Markup.Escape(prompt.Text)}[/] [grey]({Markup.Escape(prompt.Choices)})[/] ");
        return TerminalLine.Read(readKey, console.Write);
    }

    public void Reject(string message) => console.MarkupLine($"[yellow]{Markup.Escape(_texts.NotUnderstood)}[/] {Markup.Escape(message)}");

    public void Abort(string reason) => console.MarkupLine($"[red]{Markup.Escape(reason)}[/]");

    public void Show(TriageResult result, RuleSet ruleSet, bool stoppedEarly)
    {
        console.WriteLine();
        if (stoppedEarly)
        {
            console.MarkupLine($"[grey]{Markup.Escape(Prompts.With(_texts.Settled, TriageText.UrgencyName(_texts.Registry, result.Urgency)))}[/]");
        }

        var colour = result.Urgency switch
        {
            Urgency.Emergency => "bold white on red",
            Urgency.Urgent => "bold red",
            Urgency.Soon => "bold orange1",
            Urgency.Routine => "bold yellow",
            _ => "bold green",
        };
        console.Write(new Panel(new Markup($"[{colour}]{Markup.Escape(TriageText.Headline(result, ruleSet))}[/]\n{Markup.Escape(result.Disposition)}")).Expand());
        foreach (var line in TriageText.Details(result, ruleSet))
        {
            // The leading spaces become padding, so a wrapped line keeps its indent.
            var text = line.TrimStart();
            if (text.Length == 0)
            {
                console.WriteLine();
            }
            else
            {
                console.Write(new Padder(new Text(text), new Padding(line.Length - text.Length, 0, 0, 0)));
            }
        }
    }
}
