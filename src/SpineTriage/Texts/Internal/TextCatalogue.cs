using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace SpineTriage.Texts.Internal;

/// <summary>
/// The texts a patient or nurse reads, by stable key (for example <c>rule.cauda-equina.patientExplanation</c>,
/// <c>disposition.urgent</c>, <c>question.fever.text</c>, <c>safetyNet.callBack</c>): one embedded JSON resource per
/// language (Texts/en.json), read once into an immutable lookup. Clinician texts (considerations, sources, rationale)
/// are not here: they stay beside the rules they describe. Placeholders are written <c>{name}</c> and filled by
/// <see cref="Format"/>, which fails on a placeholder left unfilled or a value with no placeholder.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class TextCatalogue
{
    private readonly FrozenDictionary<string, string> _texts;

    private TextCatalogue(string language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
    }

    /// <summary>Gets the English texts, the defaults of every engine.</summary>
    public static TextCatalogue English { get; } = Load("en");

    /// <summary>Gets the language code, for example <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>Gets every key, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _texts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets the text of a key that has no placeholder.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the catalogue.</exception>
    /// <exception cref="InvalidOperationException">The text has a placeholder: use <see cref="Format"/>.</exception>
    public string Get(string key)
    {
        var text = Raw(key);
        if (Placeholders(text).Count != 0)
        {
            throw new InvalidOperationException($"Text {key} has placeholders ({string.Join(", ", Placeholders(text))}): fill them.");
        }

        return text;
    }

    /// <summary>Finds the text of a key that has no placeholder.</summary>
    /// <returns>The text, or <see langword="null"/> when the key is not in the catalogue.</returns>
    public string? Find(string key) => _texts.ContainsKey(key) ? Get(key) : null;

    /// <summary>Gets the text of a key as stored, placeholders unfilled.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the catalogue.</exception>
    public string Raw(string key) =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"Text {key} is not in the {Language} text catalogue.");

    /// <summary>Gets the text of a key with every placeholder filled.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the catalogue.</exception>
    /// <exception cref="InvalidOperationException">A placeholder is left unfilled, or a value has no placeholder.</exception>
    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = Raw(key);
        var names = Placeholders(text);
        var given = values.Select(v => v.Name).ToArray();
        if (!names.Order(StringComparer.Ordinal).SequenceEqual(given.Distinct().Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Text {key} has the placeholders {{{string.Join("}, {", names)}}}, but {{{string.Join("}, {", given)}}} were given.");
        }

        var filled = new StringBuilder(text);
        foreach (var (name, value) in values)
        {
            filled.Replace("{" + name + "}", value);
        }

        return filled.ToString();
    }

    /// <summary>Gets the distinct placeholder names of a text, in order of first appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string text)
    {
        var names = new List<string>();
        for (var start = text.IndexOf('{', StringComparison.Ordinal); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = text.IndexOf('}', start + 1);
            if (end < 0)
            {
                break;
            }

            var name = text[(start + 1)..end];
            if (name.Length > 0 && name.All(char.IsAsciiLetterOrDigit) && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static TextCatalogue Load(string language)
    {
        var resource = $"SpineTriage.Texts.{language}.json";
        using var stream = typeof(TextCatalogue).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The text resource {resource} is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (root.GetProperty("language").GetString() != language)
        {
            throw new InvalidOperationException($"The text resource {resource} does not declare language {language}.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("texts").EnumerateObject())
        {
            var text = property.Value.GetString();
            if (string.IsNullOrWhiteSpace(text) || !texts.TryAdd(property.Name, text))
            {
                throw new InvalidOperationException($"Text {property.Name} of {resource} is empty or declared twice.");
            }
        }

        return new TextCatalogue(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
