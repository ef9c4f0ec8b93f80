using System.CommandLine;

namespace SpineTriage.ConsoleHost.Output;

/// <summary>The values of the <c>--format</c> options.</summary>
internal static class OutputFormats
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Markdown = "markdown";

    /// <summary>Creates a <c>--format</c> option that accepts only the given values; any other is a usage error.</summary>
    /// <param name="defaultValue">The format when the option is not given.</param>
    /// <param name="allowed">Every accepted value, the default included.</param>
    /// <returns>The option.</returns>
    public static Option<string> Option(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(" or ", allowed)}.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
