using System.Globalization;
using Spectre.Console;
using SpineTriage.ConsoleHost.Output;
using SpineTriage.Reports;
using SpineTriage.Results;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>The interview on a terminal: prompts and colours by Spectre.Console.</summary>
internal sealed class SpectreScreen(IAnsiConsole console) : IInterviewScreen
{
    public void Introduce()
    {
        console.Write(new Rule("[bold]SpineTriage[/]: symptoms after spine surgery with implanted hardware").LeftJustified());
        console.MarkupLine("[grey]Decision support, not a diagnosis.[/] [bold red]If you have an emergency, call emergency services now.[/]");
        console.WriteLine();
    }

    public string? Ask(InterviewStep step)
    {
        var number = step.Question is { } question
            ? string.Create(CultureInfo.InvariantCulture, $"[grey]{question.Order}/{QuestionCatalogue.Count}[/] {(question.IsRedFlag ? "[red]RF[/] " : "")}")
            : "";
        var prompt = new TextPrompt<string>($"{number}[bold]{Markup.Escape(step.Prompt)}[/] [grey]({Markup.Escape(step.Choices)})[/]").AllowEmpty();
        return console.Prompt(prompt);
    }

    public void Reject(string message) => console.MarkupLine($"[yellow]Not understood:[/] {Markup.Escape(message)}");

    public void Abort(string reason) => console.MarkupLine($"[red]{Markup.Escape(reason)}[/]");

    public void Show(TriageResult result, bool stoppedEarly)
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
        foreach (var line in ResultText.Details(result))
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
