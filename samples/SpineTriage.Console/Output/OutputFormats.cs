using System.CommandLine;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>
/// The one vocabulary of the <c>--format</c> options: every command offers <c>text</c> (for people, the default)
/// and <c>json</c> (the contract's JSON, for programs). A command whose text output has an established name of
/// its own also accepts that name for <c>text</c>: <c>rules --format markdown</c> (its text is a Markdown table).
/// </summary>
internal static class OutputFormats
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Markdown = "markdown";

    /// <summary>Creates the <c>--format</c> option of a command: <c>text</c> (default) or <c>json</c>; any other value is a usage error.</summary>
    /// <param name="command">The command's name, for the error message.</param>
    /// <param name="text">What the text output is, for the help.</param>
    /// <param name="json">What the JSON output is, for the help.</param>
    /// <param name="textSynonym">Another accepted name for <c>text</c>, or <see langword="null"/>.</param>
    /// <returns>The option; its value is <see cref="Json"/>, <see cref="Text"/> or <paramref name="textSynonym"/>.</returns>
    public static Option<string> Option(string command, string text, string json, string? textSynonym = null)
    {
        var synonym = textSynonym is null ? "" : $" ({textSynonym} is accepted for text)";
        var option = new Option<string>("--format")
        {
            Description = $"Output format: text, {text}; or json, {json}{synonym}.",
            HelpName = $"{Text}|{Json}",
            DefaultValueFactory = _ => Text,
        };
        string[] accepted = textSynonym is null ? [Text, Json] : [Text, Json, textSynonym];
        option.CompletionSources.Add(accepted);
        option.Validators.Add(result =>
        {
            // One line, the same for every command (AcceptOnlyFromAmong lists the values on several lines).
            if (result.Tokens is [{ Value: var value }] && !accepted.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"--format {value} is not offered by {command}: use {Text} or {Json}{synonym}.");
            }
        });
        return option;
    }

    /// <summary>Whether a <c>--format</c> value asks for JSON.</summary>
    /// <param name="format">The value.</param>
    /// <returns><see langword="true"/> for <see cref="Json"/>.</returns>
    public static bool IsJson(string format) => format == Json;
}
