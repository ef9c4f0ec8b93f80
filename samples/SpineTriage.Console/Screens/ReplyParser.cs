using System.Globalization;
using System.Text.RegularExpressions;
using SpineTriage.Reports;

namespace SpineTriage.ConsoleHost.Screens;

/// <summary>Reads what a nurse or patient types: answers, dates, a pain score, a temperature with its unit.</summary>
internal static partial class ReplyParser
{
    /// <summary>Reads the reply to the neck prompt in a language: yes, no, or not known (blank or "don't know" in that language), which is <see langword="null"/>.</summary>
    public static bool TryNeck(string text, ConsoleLanguage language, out bool? neck)
    {
        if (language != ConsoleLanguage.Spanish)
        {
            return TryNeck(text, out neck);
        }

        neck = null;
        if (!TryAnswer(text, language, out var answer))
        {
            return text.Trim().Length == 0;
        }

        neck = answer switch
        {
            Answer.Yes => true,
            Answer.No => false,
            _ => null,
        };
        return true;
    }

    /// <summary>
    /// Reads the part of the back in a language. Spanish: <c>a</c> (parte alta o media: thoracic), <c>b</c> (parte baja:
    /// lumbar), <c>s</c> (base de la columna, sacro: sacral), or not known (blank, <c>ns</c>, "no sé"), which is <see langword="null"/>.
    /// </summary>
    public static bool TryBack(string text, ConsoleLanguage language, out SurgeryRegion? region)
    {
        if (language != ConsoleLanguage.Spanish)
        {
            return TryBack(text, out region);
        }

        region = text.Trim().ToLowerInvariant() switch
        {
            "a" or "alta" or "media" or "parte alta" or "parte media" or "parte alta o media" or "dorsal" or "torácica" or "toracica" => SurgeryRegion.Thoracic,
            "b" or "baja" or "parte baja" or "lumbar" or "zona lumbar" => SurgeryRegion.Lumbar,
            "s" or "base" or "base de la columna" or "sacro" or "sacra" => SurgeryRegion.Sacral,
            _ => null,
        };
        return region is not null
            || text.Trim().Length == 0
            || (TryAnswer(text, language, out var answer) && answer == Answer.Unknown);
    }

    /// <summary>
    /// Reads the reply to "did your operation include any part of your neck?": yes, no, or not known (blank, <c>d</c>,
    /// "don't know"), which is <see langword="null"/>.
    /// </summary>
    public static bool TryNeck(string text, out bool? neck)
    {
        neck = null;
        if (IsNotKnown(text))
        {
            return true;
        }

        if (!TryAnswer(text, out var answer))
        {
            return false;
        }

        neck = answer == Answer.Yes;
        return true;
    }

    /// <summary>
    /// Reads the part of the back that was operated on: upper or middle back (thoracic), lower back (lumbar), base of the
    /// spine (sacral), or not known (blank, <c>d</c>, "don't know"), which is <see langword="null"/>.
    /// </summary>
    public static bool TryBack(string text, out SurgeryRegion? region)
    {
        // The region's own letters first: here "u" is the upper back, not "unknown" as at the questions.
        region = text.Trim().ToLowerInvariant() switch
        {
            "u" or "upper" or "middle" or "upper back" or "middle back" or "upper or middle back" or "thoracic" => SurgeryRegion.Thoracic,
            "l" or "lower" or "lower back" or "lumbar" => SurgeryRegion.Lumbar,
            "b" or "base" or "base of the spine" or "sacral" or "sacrum" => SurgeryRegion.Sacral,
            _ => null,
        };
        return region is not null || IsNotKnown(text);
    }

    /// <summary>Reads a yes, no or don't-know answer in a language (Spanish: <c>s</c>/<c>sí</c>, <c>n</c>/<c>no</c>, <c>ns</c>/<c>no sé</c>).</summary>
    public static bool TryAnswer(string text, ConsoleLanguage language, out Answer answer)
    {
        if (language != ConsoleLanguage.Spanish)
        {
            return TryAnswer(text, out answer);
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "s" or "sí" or "si":
                answer = Answer.Yes;
                return true;
            case "n" or "no":
                answer = Answer.No;
                return true;
            case "ns" or "no sé" or "no se" or "no lo sé" or "no lo se" or "no estoy seguro" or "no estoy segura":
                answer = Answer.Unknown;
                return true;
            default:
                answer = default;
                return false;
        }
    }

    public static bool TryAnswer(string text, out Answer answer)
    {
        // Typographic apostrophes come from phones and word processors.
        switch (text.Trim().Replace('\u2019', '\'').ToLowerInvariant())
        {
            case "y" or "yes":
                answer = Answer.Yes;
                return true;
            case "n" or "no":
                answer = Answer.No;
                return true;
            case "d" or "u" or "unknown" or "don't know" or "dont know" or "do not know" or "not sure":
                answer = Answer.Unknown;
                return true;
            default:
                answer = default;
                return false;
        }
    }

    private static bool IsNotKnown(string text) =>
        text.Trim().Length == 0 || (TryAnswer(text, out var answer) && answer == Answer.Unknown);

    /// <summary>Whether a reply to the temperature prompt says it was not measured: blank, <c>n</c>, <c>no</c>, <c>none</c>, <c>not measured</c>.</summary>
    public static bool IsNotMeasured(string text) =>
        text.Trim().ToLowerInvariant() is "" or "n" or "no" or "none" or "not measured" or "-";

    /// <summary>Whether a reply to the temperature prompt says it was not measured, in a language (Spanish also: <c>no la medí</c>, <c>no medida</c>, <c>ninguna</c>).</summary>
    public static bool IsNotMeasured(string text, ConsoleLanguage language) =>
        IsNotMeasured(text)
        || (language == ConsoleLanguage.Spanish && text.Trim().ToLowerInvariant() is "no la medí" or "no la medi" or "no medida" or "ninguna" or "sin medir");

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryPainScore(string text, out int score) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out score) && score is >= 0 and <= 10;

    public static bool TryTemperature(string text, out Temperature temperature) => TryTemperature(text, ConsoleLanguage.English, out temperature);

    /// <summary>
    /// Reads a temperature with its unit. Both languages take a decimal point or a decimal comma (<c>38.5 C</c>,
    /// <c>38,5 C</c>); Spanish also takes its own unit words (<c>38,5 grados centígrados</c>, <c>38,5 ºC</c>). The unit is
    /// required in every language, so Fahrenheit is never read as Celsius ("38,5 grados" alone is refused).
    /// </summary>
    public static bool TryTemperature(string text, ConsoleLanguage language, out Temperature temperature)
    {
        var match = (language == ConsoleLanguage.Spanish ? SpanishTemperaturePattern() : TemperaturePattern()).Match(text.Trim());
        if (!match.Success
            || !decimal.TryParse(match.Groups["value"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            temperature = default;
            return false;
        }

        var unit = match.Groups["unit"].Value;
        temperature = unit.StartsWith("c", StringComparison.OrdinalIgnoreCase) || unit.StartsWith("grados c", StringComparison.OrdinalIgnoreCase)
            ? Temperature.Celsius(value)
            : Temperature.Fahrenheit(value);
        return true;
    }

    // "38.4 C", "38,4°C", "100.9 F", "100.9 fahrenheit": the unit is required, so Fahrenheit is never read as Celsius.
    [GeneratedRegex(@"^(?<value>[0-9]{1,3}([.,][0-9]{1,2})?)\s*°?\s*(?<unit>c|f|celsius|fahrenheit)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TemperaturePattern();

    // As TemperaturePattern, with the Spanish unit words and the ordinal sign º that Spanish keyboards type for °.
    [GeneratedRegex(@"^(?<value>[0-9]{1,3}([.,][0-9]{1,2})?)\s*[°º]?\s*(?<unit>c|f|celsius|fahrenheit|centígrados|centigrados|grados c|grados celsius|grados centígrados|grados centigrados|grados f|grados fahrenheit)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanishTemperaturePattern();
}
