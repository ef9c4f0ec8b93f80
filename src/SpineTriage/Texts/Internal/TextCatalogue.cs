using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace SpineTriage.Texts.Internal;

/// <summary>
/// The texts a patient or nurse reads, by stable key (for example <c>rule.cauda-equina.patientExplanation</c>,
/// <c>disposition.urgent</c>, <c>question.fever.text</c>, <c>safetyNet.callBack</c>): one embedded JSON resource per
/// language (Texts/{language}.json, every one embedded is loaded), read once into an immutable lookup; an engine makes
/// its own copy with the integrator's overrides (<see cref="WithOverrides"/>). Clinician texts (considerations, sources, rationale)
/// are not here: they stay beside the rules they describe. Placeholders are written <c>{name}</c> and filled by
/// <see cref="Format"/>, which fails on a placeholder left unfilled or a value with no placeholder.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class TextCatalogue
{
    private const string ResourcePrefix = "SpineTriage.Texts.";
    private const string ResourceSuffix = ".json";

    private static readonly FrozenDictionary<string, TextCatalogue> Embedded = LoadAll();

    /// <summary>The number patients call in an emergency unless the engine is configured with another (the United States').</summary>
    public const string DefaultEmergencyNumber = "911";

    /// <summary>The placeholder of the emergency number, filled when a catalogue is made (<see cref="WithEmergencyNumber"/>).</summary>
    public const string EmergencyNumberPlaceholder = "{emergencyNumber}";

    private readonly FrozenDictionary<string, string> _texts;

    private readonly FrozenDictionary<string, string> _templates;

    private TextCatalogue(string language, FrozenDictionary<string, string> texts, IReadOnlyList<string> overridden, FrozenDictionary<string, string> templates)
    {
        Language = language;
        _texts = texts;
        Overridden = overridden;
        _templates = templates;
    }

    /// <summary>Gets the English texts, the defaults of every engine.</summary>
    public static TextCatalogue English => Embedded[TextLanguages.English];

    /// <summary>Gets the codes of the embedded languages, in ordinal order.</summary>
    public static IReadOnlyList<string> Languages { get; } = Array.AsReadOnly(Embedded.Keys.Order(StringComparer.Ordinal).ToArray());

    /// <summary>Gets the keys whose texts are overridden, in ordinal order; empty for an embedded catalogue.</summary>
    public IReadOnlyList<string> Overridden { get; }

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

    /// <summary>Gets the text of a key as written in the resource, <c>{emergencyNumber}</c> unfilled (for translators' checks).</summary>
    /// <exception cref="KeyNotFoundException">The key is not in the catalogue.</exception>
    public string Template(string key) =>
        _templates.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"Text {key} is not in the {Language} text catalogue.");

    /// <summary>
    /// A copy of this embedded catalogue with <c>{emergencyNumber}</c> filled with another number (the embedded
    /// catalogues fill it with <see cref="DefaultEmergencyNumber"/>); overrides are applied after it.
    /// </summary>
    public TextCatalogue WithEmergencyNumber(string number) =>
        number == DefaultEmergencyNumber && Overridden.Count == 0
            ? this
            : new TextCatalogue(Language, Fill(_templates, number), [], _templates);

    /// <summary>Gets the text of a key as stored, placeholders unfilled (the emergency number is filled).</summary>
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

    /// <summary>Finds the embedded catalogue of a language.</summary>
    /// <returns>The catalogue, or <see langword="null"/> when no catalogue of that language is embedded.</returns>
    public static TextCatalogue? FindLanguage(string language) => Embedded.GetValueOrDefault(language);

    /// <summary>Gets the embedded catalogue of a language.</summary>
    /// <exception cref="ArgumentException">No catalogue of that language is embedded.</exception>
    public static TextCatalogue For(string language) =>
        FindLanguage(language) ?? throw new ArgumentException($"There is no text catalogue for language '{language}'.", nameof(language));

    /// <summary>Writes a number with one decimal and the language's separator (<c>label.decimalSeparator</c>).</summary>
    public string Number(decimal value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
            .Replace(".", Get("label.decimalSeparator"), StringComparison.Ordinal);

    /// <summary>Gets whether the catalogue has a key.</summary>
    public bool Has(string key) => _texts.ContainsKey(key);

    /// <summary>
    /// Gets the text of a key with the placeholders it has filled from <paramref name="values"/>: for texts whose
    /// placeholders are fixed by the library (the fever question's threshold), whatever their wording.
    /// </summary>
    public string FormatAny(string key, params (string Name, string Value)[] values)
    {
        var names = Placeholders(Raw(key));
        return Format(key, [.. values.Where(v => names.Contains(v.Name, StringComparer.Ordinal))]);
    }

    /// <summary>A copy of this catalogue with some texts replaced; the keys must be of the catalogue (checked by the options' validation).</summary>
    /// <exception cref="KeyNotFoundException">A key is not in the catalogue.</exception>
    public TextCatalogue WithOverrides(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var texts = new Dictionary<string, string>(_texts, StringComparer.Ordinal);
        var overridden = new SortedSet<string>(Overridden, StringComparer.Ordinal);
        foreach (var (key, text) in overrides)
        {
            if (!texts.ContainsKey(key))
            {
                throw new KeyNotFoundException($"Text {key} is not in the {Language} text catalogue.");
            }

            texts[key] = text;
            overridden.Add(key);
        }

        return overridden.Count == 0 ? this : new TextCatalogue(Language, texts.ToFrozenDictionary(StringComparer.Ordinal), [.. overridden], _templates);
    }

    /// <summary>
    /// The canonical form of the texts for the text-set hash: the language, then one line per key in ordinal order,
    /// key and text separated by U+001F.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder().Append("language=").Append(Language).Append('\n');
        foreach (var key in Keys)
        {
            text.Append(key).Append('\u001f').Append(_texts[key]).Append('\n');
        }

        return text.ToString();
    }

    private static FrozenDictionary<string, TextCatalogue> LoadAll()
    {
        var catalogues = typeof(TextCatalogue).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(n => Load(n[ResourcePrefix.Length..^ResourceSuffix.Length]))
            .ToFrozenDictionary(c => c.Language, StringComparer.Ordinal);
        return catalogues.ContainsKey(TextLanguages.English)
            ? catalogues
            : throw new InvalidOperationException("The English text resource SpineTriage.Texts.en.json is missing from the assembly.");
    }

    private static TextCatalogue Load(string language)
    {
        var resource = ResourcePrefix + language + ResourceSuffix;
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

        var templates = texts.ToFrozenDictionary(StringComparer.Ordinal);
        return new TextCatalogue(language, Fill(templates, DefaultEmergencyNumber), [], templates);
    }

    private static FrozenDictionary<string, string> Fill(FrozenDictionary<string, string> templates, string emergencyNumber) =>
        templates.ToFrozenDictionary(
            t => t.Key,
            t => t.Value.Replace(EmergencyNumberPlaceholder, emergencyNumber, StringComparison.Ordinal),
            StringComparer.Ordinal);
}
