using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Validation;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Reads report JSON strictly (contract.md, input) on <see cref="StrictJson"/>: unknown properties and question
/// ids, unknown enum values, duplicate keys, wrong JSON types and malformed dates are errors with their JSON
/// paths, all reported together. Nothing is silently dropped: a misspelt red flag would hide an emergency.
/// A valid report is read without building a document and without allocating for property names or paths.
/// </summary>
internal static class ReportReader
{
    /// <summary>Deeper documents are refused before they can exhaust the stack; a report is 3 levels deep.</summary>
    public const int MaxDepth = StrictJson.MaxDepth;

    private const int ReportId = 0, SurgeryDate = 1, AssessedOn = 2, SurgeryRegion = 3, Hardware = 4, FusionLevels = 5, RiskFactors = 6, PainScore = 7, TemperatureProperty = 8, Answers = 9, Skipped = 10;

    private static readonly ObjectShape ReportShape =
        new("reportId", "surgeryDate", "assessedOn", "surgeryRegion", "hardware", "fusionLevels", "riskFactors", "painScore", "temperature", "answers", "skipped");

    private static readonly ObjectShape TemperatureShape = new("value", "unit");

    // In asking order, as the suggestions of "did you mean" list them.
    private static readonly string[] QuestionIds = QuestionCatalogue.All.Select(q => q.JsonId).ToArray();

    private static readonly QuestionId[] QuestionsInShapeOrder = QuestionCatalogue.All.Select(q => q.Id).ToArray();

    private static readonly ObjectShape AnswersShape = new(
        QuestionIds,
        ErrorCodes.UnknownQuestion,
        name => $"unknown question id '{StrictJson.Shorten(name)}'{StrictJson.Suggest(name, QuestionIds)}; the question ids are listed by the question catalogue (spinetriage questions).");

    private static readonly ReadRoot<SymptomReport> Root = ReadReport;

    /// <summary>The report read as far as it could be (for further validation), and the errors found.</summary>
    public readonly record struct Outcome(SymptomReport? Partial, IReadOnlyList<ValidationError> Errors);

    public static Outcome Read(ReadOnlySpan<byte> utf8)
    {
        var report = StrictJson.Read(utf8, Root, out var errors);
        return new Outcome(report, errors.Items);
    }

    public static Outcome Read(string json)
    {
        var report = StrictJson.Read(json, Root, out var errors);
        return new Outcome(report, errors.Items);
    }

    private static SymptomReport? ReadReport(ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, "$", "a report must be a JSON object", ref errors);
            return null;
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

        var properties = new StrictObject("$", ReportShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            if (property < 0)
            {
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null && property != SurgeryDate)
            {
                continue; // null is the same as absent for an optional field
            }

            switch (property)
            {
                case ReportId:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        reportId = reader.GetString();
                    }
                    else
                    {
                        StrictJson.WrongType(ref reader, "$.reportId", "reportId must be a string of up to 128 characters", ref errors);
                    }

                    break;
                case SurgeryDate:
                    surgeryDateSeen = true;
                    surgeryDate = Date(ref reader, "$.surgeryDate", "surgeryDate", ref errors);
                    break;
                case AssessedOn:
                    assessedOn = Date(ref reader, "$.assessedOn", "assessedOn", ref errors);
                    break;
                case SurgeryRegion:
                    region = Enum<SurgeryRegion>(ref reader, "$.surgeryRegion", "surgeryRegion", ref errors);
                    break;
                case Hardware:
                    hardware = EnumArray<HardwareKind>(ref reader, "$.hardware", "hardware", ref errors);
                    break;
                case FusionLevels:
                    fusionLevels = Integer(ref reader, "$.fusionLevels", "fusionLevels must be a whole number from 1 to 20", ref errors);
                    break;
                case RiskFactors:
                    riskFactors = EnumArray<RiskFactor>(ref reader, "$.riskFactors", "riskFactors", ref errors);
                    break;
                case PainScore:
                    painScore = Integer(ref reader, "$.painScore", "painScore must be a whole number from 0 to 10", ref errors);
                    break;
                case TemperatureProperty:
                    temperature = ReadTemperature(ref reader, ref errors);
                    break;
                case Answers:
                    answers = ReadAnswers(ref reader, ref errors);
                    break;
                case Skipped:
                    skipped = EnumArray<Measurement>(ref reader, "$.skipped", "skipped", ref errors);
                    break;
            }
        }

        if (!surgeryDateSeen)
        {
            errors.Add(new("$.surgeryDate", ErrorCodes.Required, "surgeryDate is required: the date of the operation, as yyyy-MM-dd."));
        }

        return new SymptomReport
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
    }

    private static Temperature? ReadTemperature(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        const string path = "$.temperature";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, path, "temperature must be an object { \"value\": number, \"unit\": \"celsius\" or \"fahrenheit\" }", ref errors);
            return null;
        }

        decimal? measured = null;
        TemperatureUnit? unit = null;
        var valueSeen = false;
        var unitSeen = false;
        var properties = new StrictObject(path, TemperatureShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            if (property == 0)
            {
                valueSeen = true;
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
                {
                    measured = number;
                }
                else
                {
                    StrictJson.WrongType(ref reader, path + ".value", "temperature.value must be a number", ref errors);
                }
            }
            else if (property == 1)
            {
                unitSeen = true;
                unit = Enum<TemperatureUnit>(ref reader, path + ".unit", "temperature.unit", ref errors);
            }
        }

        if (!valueSeen)
        {
            errors.Add(new(path + ".value", ErrorCodes.Required, "temperature.value is required when a temperature is given."));
        }

        if (!unitSeen)
        {
            errors.Add(new(path + ".unit", ErrorCodes.Required, $"temperature.unit is required when a temperature is given: one of {JsonNames.Allowed<TemperatureUnit>()}."));
        }

        return measured.HasValue && unit.HasValue ? new Temperature(measured.Value, unit.Value) : null;
    }

    private static AnswerSet ReadAnswers(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        const string path = "$.answers";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, path, "answers must be an object mapping question ids to 'yes', 'no' or 'unknown'", ref errors);
            return AnswerSet.Empty;
        }

        Span<sbyte> given = stackalloc sbyte[QuestionIds.Length];
        given.Fill(-1);
        var count = 0;
        var properties = new StrictObject(path, AnswersShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var question))
        {
            if (question < 0)
            {
                continue;
            }

            if (EnumNames<Answer>.TryMatch(ref reader, out var answer))
            {
                given[question] = (sbyte)answer;
                count++;
            }
            else
            {
                var name = QuestionIds[question];
                StrictJson.WrongType(ref reader, $"{path}.{name}", $"answers.{name} must be one of {JsonNames.Allowed<Answer>()}", ref errors, ErrorCodes.UnknownValue);
            }
        }

        if (count == 0)
        {
            return AnswerSet.Empty;
        }

        var pairs = new KeyValuePair<QuestionId, Answer>[count];
        var next = 0;
        for (var i = 0; i < given.Length; i++)
        {
            if (given[i] >= 0)
            {
                pairs[next++] = KeyValuePair.Create(QuestionsInShapeOrder[i], (Answer)given[i]);
            }
        }

        return AnswerSet.From(pairs);
    }

    private static DateOnly? Date(ref Utf8JsonReader reader, string path, string name, ref ErrorList errors)
    {
        if (StrictJson.TryGetDate(ref reader, out var date))
        {
            return date;
        }

        StrictJson.WrongType(ref reader, path, $"{name} must be a date as \"yyyy-MM-dd\", for example \"2026-09-01\"", ref errors, ErrorCodes.InvalidDate);
        return null;
    }

    private static int? Integer(ref Utf8JsonReader reader, string path, string expectation, ref ErrorList errors)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }

        // A whole number too large for an integer is out of range; a fraction, or anything else, is the wrong type.
        var tooLarge = reader.TokenType == JsonTokenType.Number && reader.ValueSpan.IndexOfAny(".eE"u8) < 0;
        StrictJson.WrongType(ref reader, path, expectation, ref errors, tooLarge ? ErrorCodes.OutOfRange : ErrorCodes.WrongType);
        return null;
    }

    private static T? Enum<T>(ref Utf8JsonReader reader, string path, string name, ref ErrorList errors)
        where T : struct, Enum
    {
        if (EnumNames<T>.TryMatch(ref reader, out var parsed))
        {
            return parsed;
        }

        StrictJson.WrongType(ref reader, path, $"{name} must be one of {JsonNames.Allowed<T>()}", ref errors, reader.TokenType == JsonTokenType.String ? ErrorCodes.UnknownValue : ErrorCodes.WrongType);
        return null;
    }

    private static T[] EnumArray<T>(ref Utf8JsonReader reader, string path, string name, ref ErrorList errors)
        where T : struct, Enum
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            StrictJson.WrongType(ref reader, path, $"{name} must be an array of {JsonNames.Allowed<T>()}", ref errors);
            return [];
        }

        List<T>? items = null;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (EnumNames<T>.TryMatch(ref reader, out var parsed))
            {
                (items ??= new List<T>(4)).Add(parsed);
            }
            else
            {
                StrictJson.WrongType(ref reader, $"{path}[{index}]", $"{name} items must be one of {JsonNames.Allowed<T>()}", ref errors, reader.TokenType == JsonTokenType.String ? ErrorCodes.UnknownValue : ErrorCodes.WrongType);
            }

            index++;
        }

        return items is null ? [] : [.. items];
    }
}
