using System.Globalization;
using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Validation;
using SpineTriage.Validation.Internal;

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

    private const int ReportId = 0, SurgeryDate = 1, AssessedOn = 2, SurgeryRegion = 3, Hardware = 4, FusionLevels = 5, RiskFactors = 6, PainScore = 7, TemperatureProperty = 8, Answers = 9, Skipped = 10, Language = 11;

    private static readonly ObjectShape ReportShape =
        new("reportId", "surgeryDate", "assessedOn", "surgeryRegion", "hardware", "fusionLevels", "riskFactors", "painScore", "temperature", "answers", "skipped", "language");

    private static readonly ObjectShape TemperatureShape = new("value", "unit");

    // A report is read before an engine says its rule set: the shipped questions are read by default (QuestionVocabulary),
    // and an engine of rule set 1.0 rejects the answers to 2.0's questions when it validates the report (with the same
    // code, unknownQuestion); an engine of a local edition reads its own questions too.
    private static readonly ReadRoot<SymptomReport> Root = Reading(QuestionVocabulary.Shipped);

    /// <summary>The default largest report JSON read: 1 MiB of UTF-8. A symptom report is a few kilobytes.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>The earliest date a report may give: earlier dates are typing errors (0001-01-01 is also .NET's default date).</summary>
    public static readonly DateOnly EarliestDate = Interview.InputLimits.EarliestDate;

    /// <summary>The report read as far as it could be (for further validation), the errors kept, and how many more were found.</summary>
    public readonly record struct Outcome(SymptomReport? Partial, IReadOnlyList<ValidationError> Errors, int Omitted = 0)
    {
        /// <summary>Gets the errors kept, then one <see cref="ErrorCodes.TooManyErrors"/> error when any were omitted.</summary>
        public IReadOnlyList<ValidationError> AllErrors(int maxErrors) =>
            Omitted == 0 ? Errors : ErrorLimit.Cap(Errors, Omitted, maxErrors);
    }

    /// <summary>The reader of reports whose answers may name the questions of a vocabulary (build once per vocabulary).</summary>
    public static ReadRoot<SymptomReport> Reading(QuestionVocabulary questions) =>
        (ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors) => ReadReport(input, ref reader, ref errors, questions);

    public static Outcome Read(ReadOnlySpan<byte> utf8, int maxBytes = DefaultMaxBytes, int maxErrors = ErrorLimit.DefaultMax, ReadRoot<SymptomReport>? reading = null)
    {
        if (utf8.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var report = StrictJson.Read(utf8, reading ?? Root, out var errors, maxErrors);
        return new Outcome(report, errors.Listed, errors.Omitted);
    }

    public static Outcome Read(string json, int maxBytes = DefaultMaxBytes, int maxErrors = ErrorLimit.DefaultMax, ReadRoot<SymptomReport>? reading = null)
    {
        // A character is at least one UTF-8 byte and at most three: the bytes are counted only when it could matter.
        if (json.Length > maxBytes || (json.Length > maxBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(json) > maxBytes))
        {
            return TooLarge(maxBytes);
        }

        var report = StrictJson.Read(json, reading ?? Root, out var errors, maxErrors);
        return new Outcome(report, errors.Listed, errors.Omitted);
    }

    /// <summary>Describes a size limit in bytes for people, for example <c>1 MiB (1048576 bytes)</c>.</summary>
    public static string SizeText(int bytes) => bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB ({bytes} bytes)")
        : bytes % 1024 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB ({bytes} bytes)")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static Outcome TooLarge(int maxBytes) => new(null, [new ValidationError(
        "$",
        ErrorCodes.TooLarge,
        $"the report JSON is larger than {SizeText(maxBytes)}, the most that is read; a symptom report is a few kilobytes. Nothing of it was read.")]);

    private static SymptomReport? ReadReport(ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors, QuestionVocabulary questions)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, "$", "a report must be a JSON object", ref errors);
            return null;
        }

        string? reportId = null;
        string? language = null;
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
                    answers = ReadAnswers(ref reader, ref errors, questions);
                    break;
                case Skipped:
                    skipped = EnumArray<Measurement>(ref reader, "$.skipped", "skipped", ref errors);
                    break;
                case Language:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        language = reader.GetString();
                    }
                    else
                    {
                        StrictJson.WrongType(ref reader, "$.language", "language must be a language code such as \"en\" or \"es\"", ref errors);
                    }

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
            Language = language,
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
                measured = TemperatureValue(ref reader, path + ".value", ref errors);
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

    /// <summary>
    /// Reads a temperature exactly as written: more than 2 decimal places are refused, never rounded (<see cref="decimal"/>
    /// would round 37.99999999999999999999999999999 to 38, a fever), and a number too large for any temperature is out of range.
    /// </summary>
    private static decimal? TemperatureValue(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            StrictJson.WrongType(ref reader, path, "temperature.value must be a number", ref errors);
            return null;
        }

        var places = DecimalPlaces(reader.ValueSpan);
        if (places > MaxTemperaturePlaces)
        {
            StrictJson.WrongType(ref reader, path, $"temperature.value may have at most {MaxTemperaturePlaces} decimal places, as a thermometer shows it, and is never rounded", ref errors, ErrorCodes.TooPrecise);
            return null;
        }

        if (!reader.TryGetDecimal(out var number) || places < 0)
        {
            StrictJson.WrongType(ref reader, path, "temperature.value is far outside any body temperature (30.0 to 45.0 °C, 86.0 to 113.0 °F)", ref errors, ErrorCodes.OutOfRange);
            return null;
        }

        return number;
    }

    private const int MaxTemperaturePlaces = 2;

    /// <summary>
    /// The decimal places of a JSON number as written, trailing zeros of the fraction aside (<c>37.50</c> has 1, <c>3.75e1</c>
    /// has 1); -1 when its exponent is so large that no decimal holds it.
    /// </summary>
    internal static int DecimalPlaces(ReadOnlySpan<byte> number)
    {
        var e = number.IndexOfAny((byte)'e', (byte)'E');
        var mantissa = e < 0 ? number : number[..e];
        var exponent = 0;
        if (e >= 0)
        {
            var digits = number[(e + 1)..];
            var negative = digits.Length > 0 && digits[0] == (byte)'-';
            if (digits.Length > 0 && digits[0] is (byte)'-' or (byte)'+')
            {
                digits = digits[1..];
            }

            digits = digits.TrimStart((byte)'0');
            if (digits.Length > 4)
            {
                // |exponent| of 10,000 or more: a huge value, or a tiny one with more places than anyone wrote.
                return negative ? int.MaxValue : -1;
            }

            foreach (var d in digits)
            {
                exponent = (exponent * 10) + (d - '0');
            }

            exponent = negative ? -exponent : exponent;
            if (exponent > 28)
            {
                return -1;
            }
        }

        // Trailing zeros of the digits (before the point too, for 38000e-3) place nothing.
        var point = mantissa.IndexOf((byte)'.');
        var fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        var zeros = 0;
        for (var i = mantissa.Length - 1; i >= 0 && mantissa[i] is (byte)'0' or (byte)'.'; i--)
        {
            zeros += mantissa[i] == (byte)'0' ? 1 : 0;
        }

        return Math.Max(0, fraction - exponent - zeros);
    }

    private static AnswerSet ReadAnswers(ref Utf8JsonReader reader, ref ErrorList errors, QuestionVocabulary questions)
    {
        const string path = "$.answers";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, path, "answers must be an object mapping question ids to 'yes', 'no' or 'unknown'", ref errors);
            return AnswerSet.Empty;
        }

        var ids = questions.Ids;
        Span<sbyte> given = ids.Length <= 256 ? stackalloc sbyte[ids.Length] : new sbyte[ids.Length];
        given.Fill(-1);
        var count = 0;
        var properties = new StrictObject(path, questions.AnswersShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var question))
        {
            if (EnumNames<Answer>.TryMatch(ref reader, out var answer))
            {
                given[question] = (sbyte)answer;
                count++;
            }
            else
            {
                var name = questions.Names[question];
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
                pairs[next++] = KeyValuePair.Create(ids[i], (Answer)given[i]);
            }
        }

        return AnswerSet.From(pairs);
    }

    private static DateOnly? Date(ref Utf8JsonReader reader, string path, string name, ref ErrorList errors)
    {
        if (StrictJson.TryGetDate(ref reader, out var date))
        {
            if (date < EarliestDate)
            {
                StrictJson.WrongType(ref reader, path, $"{name} must be a date from 1900-01-01 on", ref errors, ErrorCodes.OutOfRange);
                return null;
            }

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

        // A number too large for an integer (1e400 too) is out of range; a fraction, or anything else, is the wrong type.
        var tooLarge = reader.TokenType == JsonTokenType.Number
            && (reader.ValueSpan.IndexOfAny(".eE"u8) < 0 || !reader.TryGetDouble(out var value) || Math.Abs(value) > int.MaxValue);
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
