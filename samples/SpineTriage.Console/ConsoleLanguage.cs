using System.CommandLine;

namespace SpineTriage.ConsoleHost;

/// <summary>The language of the texts a command shows a patient or nurse (<c>--language en|es</c>, issue 11 point 4).</summary>
internal enum ConsoleLanguage
{
    /// <summary>English (<c>en</c>), the default.</summary>
    English,

    /// <summary>Spanish (<c>es</c>); translation to be reviewed by a qualified medical translator before clinical use.</summary>
    Spanish,
}

/// <summary>The <c>--language</c> option and the language codes.</summary>
internal static class ConsoleLanguages
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--language";

    /// <summary>The codes accepted, in the order help lists them.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "es"];

    /// <summary>Gets the code of a language (<c>en</c>, <c>es</c>), as the library and the report JSON name it.</summary>
    public static string Code(this ConsoleLanguage language) => language switch
    {
        ConsoleLanguage.Spanish => "es",
        _ => "en",
    };

    /// <summary>Reads a code; <see langword="null"/> for anything but <c>en</c> or <c>es</c> (exact, lower case, as in the report JSON).</summary>
    public static ConsoleLanguage? Parse(string? code) => code switch
    {
        "en" => ConsoleLanguage.English,
        "es" => ConsoleLanguage.Spanish,
        _ => null,
    };

    /// <summary>Creates the <c>--language</c> option: <c>en</c> (the default) or <c>es</c>; anything else is a usage error (exit 2).</summary>
    public static Option<string> Option(string description)
    {
        var option = new Option<string>(OptionName)
        {
            Description = description,
            HelpName = string.Join("|", Codes),
            DefaultValueFactory = _ => "en",
        };
        option.CompletionSources.Add([.. Codes]);
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && Parse(value) is null)
            {
                // The value is the user's own typing, not patient data; it is shortened like every echoed value.
                var shown = value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
                result.AddError($"{OptionName} {shown} is not a language: use en (English, the default) or es (Spanish).");
            }
        });
        return option;
    }

    /// <summary>Gets the language the option was given (English when it was not).</summary>
    public static ConsoleLanguage Of(ParseResult parsed, Option<string> option) => Parse(parsed.GetValue(option)) ?? ConsoleLanguage.English;
}
