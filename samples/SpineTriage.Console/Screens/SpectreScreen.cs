using System.Globalization;
using Spectre.Console;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Results;
using SpineTriage.Rules;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>The interview on a terminal: prompts and colours by Spectre.Console; replies read by <see cref="TerminalLine"/>.</summary>
/// <param name="console">Where to write.</param>
/// <param name="readKey">Reads one key without echoing it; <see langword="null"/> when no more keys can come.</param>
internal sealed class SpectreScreen(IAnsiConsole console, Func<ConsoleKeyInfo?> readKey) : IInterviewScreen
{
    public void Introduce()
    {
        console.Write(new Rule("[bold]SpineTriage[/]: symptoms after spine surgery with implanted hardware").LeftJustified());
        console.MarkupLine("[grey]Decision support, not a diagnosis.[/] [bold red]If you have an emergency, call emergency services now.[/]");
        console.WriteLine();
    }

    public string? Ask(Prompt prompt)
    {
        var number = prompt.Question is { } question
            ? string.Create(CultureInfo.InvariantCulture, $"[grey]{prompt.Number}/{prompt.Count}[/] {(question.IsRedFlag ? "[red]RF[/] " : "")}")
            : "";
        console.Markup($"{number}[bold]{Markup.Escape(prompt.Text)}[/] [grey]({Markup.Escape(prompt.Choices)})[/] ");
        return TerminalLine.Read(readKey, console.Write);
    }

    public void Reject(string message) => console.MarkupLine($"[yellow]Not understood:[/] {Markup.Escape(message)}");

    public void Abort(string reason) => console.MarkupLine($"[red]{Markup.Escape(reason)}[/]");

    public void Show(TriageResult result, RuleSet ruleSet, bool stoppedEarly)
    {
        console.WriteLine();
        if (stoppedEarly)
        {
            console.MarkupLine($"[grey]No further answer can change the urgency ({ResultText.Name(result.Urgency)}), so the remaining questions were not asked.[/]");
        }

        var colour = result.Urgency switch
        {
            Urgency.Emergency => "bold white on red",
            Urgency.Urgent => "bold red",
            Urgency.Soon => "bold orange1",
            Urgency.Routine => "bold yellow",
            _ => "bold green",
        };
        console.Write(new Panel(new Markup($"[{colour}]{Markup.Escape(ResultText.Headline(result))}[/]\n{Markup.Escape(result.Disposition)}")).Expand());
        foreach (var line in ResultText.Details(result, ruleSet))
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
