using System.Globalization;
using System.Text.Json;
using SpineTriage.Validation;

namespace SpineTriage.Fhir;

/// <summary>
/// The checks a FHIR parser cannot make once it has read the JSON, made on the JSON text itself, so that FHIR input is
/// held to the same rules as the library's JSON contract: a property given twice in one object (a parser keeps one of
/// them silently) and a temperature with more than two decimal places (a parser reads <c>37.99999999999999999999999999999</c>
/// as the <see cref="decimal"/> 38, a fever). Run it on the bytes before handing them to the FHIR parser.
/// </summary>
public static class StrictFhirJson
{
    /// <summary>The most decimal places a temperature may have, as a thermometer shows it (the library's own limit).</summary>
    public const int MaxTemperaturePlaces = 2;

    /// <summary>The deepest nesting read (the JSON contract's).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Checks a FHIR JSON document (a QuestionnaireResponse, a Parameters or Bundle holding some, or a CDS Hooks request):
    /// every object's property names are unique (<see cref="ErrorCodes.DuplicateKey"/>, the path a JSON path), and every
    /// <c>valueQuantity.value</c> of an item's answer has at most <see cref="MaxTemperaturePlaces"/> decimal places as
    /// written, trailing zeros aside (<see cref="ErrorCodes.TooPrecise"/>, the path the item's linkId).
    /// </summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <param name="maxErrors">The most errors returned.</param>
    /// <returns>The errors; none for JSON that is not well formed (the FHIR parser reports it).</returns>
    public static IReadOnlyList<ValidationError> Check(ReadOnlySpan<byte> utf8Json, int maxErrors = 100)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            return Check(document.RootElement, maxErrors);
        }
    }

    /// <summary>The same checks on an element already read.</summary>
    /// <param name="element">The element.</param>
    /// <param name="maxErrors">The most errors returned.</param>
    /// <returns>The errors.</returns>
    public static IReadOnlyList<ValidationError> Check(JsonElement element, int maxErrors = 100)
    {
        var errors = new List<ValidationError>();
        Walk(element, "$", errors, Math.Max(1, maxErrors), measurements: true);
        return errors;
    }

    /// <summary>
    /// Only the duplicate-property check, on a whole document whose parts are read later, each with <see cref="Check(ReadOnlySpan{byte}, int)"/>
    /// (a CDS Hooks request: its prefetch may hold other forms, whose numbers are none of this package's business).
    /// </summary>
    /// <param name="element">The element.</param>
    /// <param name="maxErrors">The most errors returned.</param>
    /// <returns>The errors (<see cref="ErrorCodes.DuplicateKey"/>, JSON paths).</returns>
    public static IReadOnlyList<ValidationError> CheckDuplicateKeys(JsonElement element, int maxErrors = 100)
    {
        var errors = new List<ValidationError>();
        Walk(element, "$", errors, Math.Max(1, maxErrors), measurements: false);
        return errors;
    }

    private static void Walk(JsonElement element, string path, List<ValidationError> errors, int maxErrors, bool measurements)
    {
        if (errors.Count >= maxErrors)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), errors, maxErrors, measurements);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                Add(errors, maxErrors, new ValidationError(path + "." + Shown(property.Name), ErrorCodes.DuplicateKey, "The property is given more than once in one object: give it once."));
            }

            Walk(property.Value, path + "." + Shown(property.Name), errors, maxErrors, measurements);
        }

        if (measurements
            && element.TryGetProperty("linkId", out var linkId) && linkId.ValueKind == JsonValueKind.String
            && element.TryGetProperty("answer", out var answers) && answers.ValueKind == JsonValueKind.Array)
        {
            foreach (var answer in answers.EnumerateArray())
            {
                if (answer.ValueKind == JsonValueKind.Object
                    && answer.TryGetProperty("valueQuantity", out var quantity) && quantity.ValueKind == JsonValueKind.Object
                    && quantity.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
                    && DecimalPlaces(value.GetRawText()) > MaxTemperaturePlaces)
                {
                    Add(errors, maxErrors, new ValidationError(
                        Shown(linkId.GetString()!),
                        ErrorCodes.TooPrecise,
                        $"The value may have at most {MaxTemperaturePlaces} decimal places, as a thermometer shows it, and is never rounded."));
                }
            }
        }
    }

    private static void Add(List<ValidationError> errors, int maxErrors, ValidationError error)
    {
        if (errors.Count < maxErrors)
        {
            errors.Add(error);
        }
    }

    /// <summary>
    /// The decimal places of a JSON number as written, trailing zeros of the fraction aside (<c>37.50</c> has 1,
    /// <c>3.75e1</c> has 1); <see cref="int.MaxValue"/> for an exponent too large to read.
    /// </summary>
    internal static int DecimalPlaces(string number)
    {
        var e = number.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? number : number[..e];
        var exponent = 0;
        if (e >= 0 && !int.TryParse(number.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return int.MaxValue;
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        var zeros = 0;
        for (var i = mantissa.Length - 1; i >= 0 && mantissa[i] is '0' or '.'; i--)
        {
            zeros += mantissa[i] == '0' ? 1 : 0;
        }

        return (int)Math.Max(0L, (long)fraction - exponent - zeros);
    }

    // Input echoed in an error is cut short: it may be anything.
    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
