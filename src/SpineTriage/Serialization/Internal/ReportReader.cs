using System.Globalization;
using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Validation;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Reads report JSON strictly (contract.md, input): unknown properties and question ids, unknown enum
/// values, duplicate keys, wrong JSON types and malformed dates are errors with their JSON paths, all
/// reported together. Nothing is silently dropped: a misspelt red flag would hide an emergency.
/// </summary>
internal static class ReportReader
{
    /// <summary>Deeper documents are refused before they can exhaust the stack; a report is 3 levels deep.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly string[] ReportProperties =
        ["reportId", "surgeryDate", "assessedOn", "surgeryRegion", "hardware", "fusionLevels", "riskFactors", "painScore", "temperature", "answers", "skipped"];

    private static readonly string[] TemperatureProperties = ["value", "unit"];

    /// <summary>The report read as far as it could be (for further validation), and the errors found.</summary>
    public readonly record struct Outcome(SymptomReport? Partial, IReadOnlyList<ValidationError> Errors);

    public static Outcome Read(ReadOnlyMemory<byte> utf8)
    {
        // A UTF-8 byte-order mark is not JSON, but files saved by common editors carry one.
        var span = utf8.Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            utf8 = utf8[3..];
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Malformed(e);
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks the text of strings only when they are read: invalid UTF-8 bytes or an
            // escaped lone surrogate ("\ud800") surface here, and are bad input like any other.
            return NotText();
        }
    }

    public static Outcome Read(string json)
    {
        // The same byte-order mark, decoded as a character by a reader that did not drop it: read like the UTF-8 form.
        if (json is ['\uFEFF', ..])
        {
            json = json[1..];
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Malformed(e);
        }
        catch (ArgumentException)
        {
            // A raw unpaired surrogate in the string cannot be transcoded to UTF-8 for the parser.
            return NotText();
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks the text of strings only when they are read: invalid UTF-8 bytes or an
            // escaped lone surrogate ("\ud800") surface here, and are bad input like any other.
            return NotText();
        }
    }

    private static Outcome NotText() =>
        new(null, [new ValidationError("$", "the input contains a string that is not valid text (invalid UTF-8, or an unpaired surrogate such as \\ud800).")]);

    private static Outcome Malformed(JsonException e)
    {
        var where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
            : "";
        // Truncated input also mentions "depth" ("expected depth to be zero at the end"); only the limit is nesting.
        var reason = e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"the JSON is nested deeper than {MaxDepth} levels"
            : "the input is not well-formed JSON (UTF-8, no comments, no trailing commas)";
        return new Outcome(null, [new ValidationError("$", $"{reason}{where}.")]);
    }

    private static Outcome Read(JsonElement root)
    {
        var errors = new List<ValidationError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", $"a report must be a JSON object; got {Describe(root)}."));
            return new Outcome(null, errors);
        }

        string? reportId = null;
        DateOnly? surgeryDate = null;
        DateOnly? assessedOn = null;
        SurgeryRegion? region = null;
        IReadOnlyList<HardwareKind> hardware = [];
        int? fusionLevels = null;
        IReadOnlyList<RiskFactor> riskFactors = [];
        int? painScore = null;
        Temperature? temperature = null;
        var answers = AnswerSet.Empty;
        IReadOnlyList<Measurement> skipped = [];
        var surgeryDateSeen = false;

        foreach (var property in Properties(root, "$", ReportProperties, errors))
        {
            var path = "$." + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null && property.Name != "surgeryDate")
            {
                continue; // null is the same as absent for an optional field
            }

            switch (property.Name)
            {
                case "reportId":
                    reportId = String(value, path, "reportId must be a string of up to 128 characters", errors);
                    break;
                case "surgeryDate":
                    surgeryDateSeen = true;
                    surgeryDate = Date(value, path, "surgeryDate", errors);
                    break;
                case "assessedOn":
                    assessedOn = Date(value, path, "assessedOn", errors);
                    break;
                case "surgeryRegion":
                    region = Enum<SurgeryRegion>(value, path, "surgeryRegion", errors);
                    break;
                case "hardware":
                    hardware = EnumArray<HardwareKind>(value, path, "hardware", errors);
                    break;
                case "fusionLevels":
                    fusionLevels = Integer(value, path, "fusionLevels must be a whole number from 1 to 20", errors);
                    break;
                case "riskFactors":
                    riskFactors = EnumArray<RiskFactor>(value, path, "riskFactors", errors);
                    break;
                case "painScore":
                    painScore = Integer(value, path, "painScore must be a whole number from 0 to 10", errors);
                    break;
                case "temperature":
                    temperature = ReadTemperature(value, path, errors);
                    break;
                case "answers":
                    answers = ReadAnswers(value, path, errors);
                    break;
                case "skipped":
                    skipped = EnumArray<Measurement>(value, path, "skipped", errors);
                    break;
            }
        }

        if (!surgeryDateSeen)
        {
            errors.Add(new("$.surgeryDate", "surgeryDate is required: the date of the operation, as yyyy-MM-dd."));
        }

        var report = new SymptomReport
        {
            ReportId = reportId,
            SurgeryDate = surgeryDate ?? default,
            AssessedOn = assessedOn,
            SurgeryRegion = region,
            Hardware = hardware,
            FusionLevels = fusionLevels,
            RiskFactors = riskFactors,
            PainScore = painScore,
            Temperature = temperature,
            Answers = answers,
            Skipped = skipped,
        };
        return new Outcome(report, errors);
    }

    /// <summary>The properties of an object, reporting unknown and duplicate names; known, first occurrences are yielded.</summary>
    private static List<JsonProperty> Properties(JsonElement element, string path, IReadOnlyList<string>? allowed, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = PathOf(path, property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(new(propertyPath, $"'{Shorten(property.Name)}' appears more than once; each property may appear once."));
                continue;
            }

            if (allowed is not null && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new(propertyPath, $"unknown property '{Shorten(property.Name)}'{Suggest(property.Name, allowed)}; allowed: {string.Join(", ", allowed)}."));
                continue;
            }

            result.Add(property);
        }

        return result;
    }

    private static Temperature? ReadTemperature(JsonElement value, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"temperature must be an object {{ \"value\": number, \"unit\": \"celsius\" or \"fahrenheit\" }}; got {Describe(value)}."));
            return null;
        }

        decimal? measured = null;
        TemperatureUnit? unit = null;
        var valueSeen = false;
        var unitSeen = false;
        foreach (var property in Properties(value, path, TemperatureProperties, errors))
        {
            var propertyPath = path + "." + property.Name;
            if (property.Name == "value")
            {
                valueSeen = true;
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var number))
                {
                    measured = number;
                }
                else
                {
                    errors.Add(new(propertyPath, $"temperature.value must be a number; got {Describe(property.Value)}."));
                }
            }
            else
            {
                unitSeen = true;
                unit = Enum<TemperatureUnit>(property.Value, propertyPath, "temperature.unit", errors);
            }
        }

        if (!valueSeen)
        {
            errors.Add(new(path + ".value", "temperature.value is required when a temperature is given."));
        }

        if (!unitSeen)
        {
            errors.Add(new(path + ".unit", $"temperature.unit is required when a temperature is given: one of {JsonNames.Allowed<TemperatureUnit>()}."));
        }

        return measured.HasValue && unit.HasValue ? new Temperature(measured.Value, unit.Value) : null;
    }

    private static AnswerSet ReadAnswers(JsonElement value, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"answers must be an object mapping question ids to 'yes', 'no' or 'unknown'; got {Describe(value)}."));
            return AnswerSet.Empty;
        }

        var answers = new List<KeyValuePair<QuestionId, Answer>>();
        var questionIds = QuestionCatalogue.All.Select(q => q.JsonId).ToArray();
        foreach (var property in Properties(value, path, allowed: null, errors))
        {
            var propertyPath = PathOf(path, property.Name);
            if (!QuestionCatalogue.TryGet(property.Name, out var question))
            {
                errors.Add(new(propertyPath, $"unknown question id '{Shorten(property.Name)}'{Suggest(property.Name, questionIds)}; the question ids are listed by the question catalogue (spinetriage questions)."));
                continue;
            }

            if (Enum<Answer>(property.Value, propertyPath, $"answers.{property.Name}", errors) is { } answer)
            {
                answers.Add(KeyValuePair.Create(question.Id, answer));
            }
        }

        return AnswerSet.From(answers);
    }

    private static string? String(JsonElement value, string path, string expectation, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new(path, $"{expectation}; got {Describe(value)}."));
        return null;
    }

    private static DateOnly? Date(JsonElement value, string path, string name, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(path, $"{name} must be a date as \"yyyy-MM-dd\", for example \"2026-09-01\"; got {Describe(value)}."));
        return null;
    }

    private static int? Integer(JsonElement value, string path, string expectation, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        errors.Add(new(path, $"{expectation}; got {Describe(value)}."));
        return null;
    }

    private static T? Enum<T>(JsonElement value, string path, string name, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && JsonNames.TryParse<T>(value.GetString(), out var parsed))
        {
            return parsed;
        }

        errors.Add(new(path, $"{name} must be one of {JsonNames.Allowed<T>()}; got {Describe(value)}."));
        return null;
    }

    private static List<T> EnumArray<T>(JsonElement value, string path, string name, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"{name} must be an array of {JsonNames.Allowed<T>()}; got {Describe(value)}."));
            return [];
        }

        var items = new List<T>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Enum<T>(item, $"{path}[{index}]", $"{name} items", errors) is { } parsed)
            {
                items.Add(parsed);
            }

            index++;
        }

        return items;
    }

    /// <summary>Describes a JSON value for an error message without echoing long input back.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string PathOf(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? $"{parent}.{name}"
            : $"{parent}['{Shorten(name).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Suggests the allowed name that differs only in case or by one or two edits.</summary>
    private static string Suggest(string name, IReadOnlyList<string> allowed)
    {
        var best = allowed
            .Select(candidate => (candidate, distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(c => c.distance)
            .First();
        return best.distance <= 2 ? $" (did you mean '{best.candidate}'?)" : "";
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
