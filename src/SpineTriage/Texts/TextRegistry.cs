using System.Collections.Frozen;
using SpineTriage.Results;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Texts;

/// <summary>
/// The one registry of every word a patient or clinician reads from any host, in one language: the library's texts
/// (questions, dispositions, rule titles and explanations, advice, safety net, warnings) and the hosts' own (interview
/// prompts, urgency names and timeframes, result headings, FHIR labels and card headings), read from the embedded
/// <c>Texts/{language}.json</c> (docs/texts.md). Keys are stable; <c>label.*</c> keys are names and headings,
/// <c>clinician.*</c> keys are read by clinicians; the others are patient prose. Placeholders are written <c>{name}</c>.
/// </summary>
/// <remarks>Immutable and thread-safe. A language the registry lacks is an error where it is chosen (<see cref="For"/>), never a fallback.</remarks>
public sealed class TextRegistry
{
    private static readonly FrozenDictionary<string, TextRegistry> ByLanguage =
        TextLanguages.All.ToFrozenDictionary(l => l, l => new TextRegistry(TextCatalogue.For(l)), StringComparer.Ordinal);

    private readonly TextCatalogue _catalogue;

    internal TextRegistry(TextCatalogue catalogue) => _catalogue = catalogue;

    /// <summary>Gets the English registry, the reference texts.</summary>
    public static TextRegistry English => ByLanguage[TextLanguages.English];

    /// <summary>Gets the language code, one of <see cref="TextLanguages.All"/>.</summary>
    public string Language => _catalogue.Language;

    /// <summary>Gets every key, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => _catalogue.Keys;

    /// <summary>Gets the registry of a language.</summary>
    /// <param name="language">One of <see cref="TextLanguages.All"/> (case-sensitive, as in report JSON).</param>
    /// <returns>The registry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="language"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The registry has no texts in <paramref name="language"/>.</exception>
    public static TextRegistry For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return ByLanguage.TryGetValue(language, out var registry)
            ? registry
            : throw new ArgumentException($"There are no texts in language '{Shorten(language)}': use one of {string.Join(", ", TextLanguages.All)}.", nameof(language));
    }

    /// <summary>Tells whether the registry has a key.</summary>
    /// <param name="key">A key such as <c>label.urgency.urgent</c>.</param>
    /// <returns><see langword="true"/> when the key exists (in every language: the tests hold the same keys in each).</returns>
    public bool Has(string key) => _catalogue.Has(key);

    /// <summary>Gets the text of a key as stored, placeholders unfilled.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the registry.</exception>
    public string Raw(string key) => _catalogue.Raw(key);

    /// <summary>Gets the text of a key that has no placeholder.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the registry.</exception>
    /// <exception cref="InvalidOperationException">The text has a placeholder: use <see cref="Format"/>.</exception>
    public string Get(string key) => _catalogue.Get(key);

    /// <summary>Gets the text of a key with every placeholder filled.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values">A value for each placeholder of the text, by name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the registry.</exception>
    /// <exception cref="InvalidOperationException">A placeholder is left unfilled, or a value has no placeholder.</exception>
    public string Format(string key, params (string Name, string Value)[] values) => _catalogue.Format(key, values);

    /// <summary>Gets the name of an urgency, for example <c>Urgent</c> or <c>Urgente</c> (key <c>label.urgency.{urgency}</c>).</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="urgency"/> is not defined.</exception>
    public string UrgencyName(Urgency urgency) => Get($"label.urgency.{urgency.JsonName()}");

    /// <summary>Gets the timeframe of an urgency, for example <c>today, within hours</c> (key <c>label.timeframe.{urgency}</c>).</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>The timeframe.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="urgency"/> is not defined.</exception>
    public string Timeframe(Urgency urgency) => Get($"label.timeframe.{urgency.JsonName()}");

    /// <summary>
    /// Writes a temperature as this language writes it, with one decimal and the language's decimal separator (key
    /// <c>label.decimalSeparator</c>: a point in <c>en</c> and in <c>es</c>, which follows es-US), for example <c>38.3</c>.
    /// </summary>
    /// <param name="value">The temperature in its unit.</param>
    /// <returns>The number.</returns>
    public string Number(decimal value) => _catalogue.Number(value);

    /// <summary>Gets the placeholder names of a text, in order of first appearance.</summary>
    /// <param name="text">A text.</param>
    /// <returns>The names, each once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Placeholders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextCatalogue.Placeholders(text);
    }

    private static string Shorten(string value) => value.Length <= 20 ? value : string.Concat(value.AsSpan(0, 20), "…");
}
