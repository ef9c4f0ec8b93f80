using System.Text.Json;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Validation;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Reads triage-result JSON (contract.md, triage result, as <see cref="ResultWriter"/> writes it) strictly on
/// <see cref="StrictJson"/>: unknown or duplicate properties, wrong types, missing fields, unknown urgencies and
/// question ids, and an <c>urgencyCode</c> that disagrees with the urgency are errors with their paths, all
/// reported together. <c>notAskedQuestions</c> and <c>isSettled</c> may be absent (results written before
/// they existed); <c>reportId</c> may be absent or null.
/// </summary>
internal static class ResultReader
{
    private const int ReportId = 0, UrgencyName = 1, UrgencyCode = 2, Disposition = 3, IsComplete = 4, DaysSinceSurgery = 5, Findings = 6,
        UnansweredQuestions = 7, NotAskedQuestions = 8, IsSettled = 9, CareAdvice = 10, SafetyNet = 11, Warnings = 12, RuleSet = 13, TextSet = 14,
        DispositionKey = 15, CareAdviceKeys = 16, SafetyNetParts = 17, WarningKeys = 18;

    private static readonly string[] ResultNames =
    [
        "reportId", "urgency", "urgencyCode", "disposition", "isComplete", "daysSinceSurgery", "findings",
        "unansweredQuestions", "notAskedQuestions", "isSettled", "careAdvice", "safetyNet", "warnings", "ruleSet", "textSet",
        "dispositionKey", "careAdviceKeys", "safetyNetParts", "warningKeys",
    ];

    private static readonly string[] FindingNames = ["ruleId", "urgency", "title", "patientExplanation", "clinicianRationale", "evidence", "source", "titleKey", "patientExplanationKey"];

    private static readonly string[] PartsNames = ["intro", "introKey", "signs", "signKeys", "closing", "closingKey"];

    private static readonly ObjectShape PartsShape = new(PartsNames);

    private static readonly ObjectShape ResultShape = new(ResultNames);

    private static readonly ObjectShape FindingShape = new(FindingNames);

    private static readonly ObjectShape RuleSetShape = new("version", "hash");

    private static readonly ObjectShape TextSetShape = new("language", "hash");

    private static readonly ReadRoot<TriageResult> Root = ReadResult;

    public static Outcome<TriageResult> Read(string json)
    {
        var result = StrictJson.Read(json, Root, out var errors);
        return new(result, errors.Items);
    }

    private static TriageResult? ReadResult(ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, "$", "a triage result must be a JSON object", ref errors);
            return null;
        }

        string? reportId = null;
        Urgency? urgency = null;
        int? urgencyCode = null;
        string? disposition = null;
        bool? isComplete = null;
        int? days = null;
        Finding[]? findings = null;
        QuestionId[]? unanswered = null;
        QuestionId[]? notAsked = null;
        bool? isSettled = null;
        string[]? careAdvice = null;
        string[]? safetyNet = null;
        string[]? warnings = null;
        RuleSetIdentity? ruleSet = null;
        TextSetIdentity? textSet = null;
        string? dispositionKey = null;
        string[]? careAdviceKeys = null;
        SafetyNetParts? parts = null;
        string[]? warningKeys = null;
        var seen = new bool[ResultNames.Length];
        var properties = new StrictObject("$", ResultShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            var path = "$." + ResultNames[property];
            seen[property] = true;
            if (reader.TokenType == JsonTokenType.Null && property is ReportId or NotAskedQuestions or IsSettled or >= DispositionKey)
            {
                continue; // null is the same as absent for an optional field
            }

            switch (property)
            {
                case ReportId:
                    reportId = String(ref reader, path, ref errors);
                    break;
                case UrgencyName:
                    urgency = ReadUrgency(ref reader, path, ref errors);
                    break;
                case UrgencyCode:
                    urgencyCode = Integer(ref reader, path, ref errors);
                    break;
                case Disposition:
                    disposition = String(ref reader, path, ref errors);
                    break;
                case IsComplete:
                    isComplete = Boolean(ref reader, path, ref errors);
                    break;
                case DaysSinceSurgery:
                    days = Integer(ref reader, path, ref errors);
                    break;
                case Findings:
                    findings = ReadFindings(ref reader, ref errors);
                    break;
                case UnansweredQuestions:
                    unanswered = Questions(ref reader, path, ref errors);
                    break;
                case NotAskedQuestions:
                    notAsked = Questions(ref reader, path, ref errors);
                    break;
                case IsSettled:
                    isSettled = Boolean(ref reader, path, ref errors);
                    break;
                case CareAdvice:
                    careAdvice = Strings(ref reader, path, ref errors);
                    break;
                case SafetyNet:
                    safetyNet = Strings(ref reader, path, ref errors);
                    break;
                case Warnings:
                    warnings = Strings(ref reader, path, ref errors);
                    break;
                case RuleSet:
                    ruleSet = ReadPair(ref reader, "ruleSet", RuleSetShape, ref errors) is ({ } version, { } hash) ? new RuleSetIdentity(version, hash) : null;
                    break;
                case TextSet:
                    textSet = ReadPair(ref reader, "textSet", TextSetShape, ref errors) is ({ } language, { } textHash) ? new TextSetIdentity(language, textHash) : null;
                    break;
                case DispositionKey:
                    dispositionKey = String(ref reader, path, ref errors);
                    break;
                case CareAdviceKeys:
                    careAdviceKeys = Strings(ref reader, path, ref errors);
                    break;
                case SafetyNetParts:
                    parts = ReadParts(ref reader, path, ref errors);
                    break;
                case WarningKeys:
                    warningKeys = Strings(ref reader, path, ref errors);
                    break;
            }
        }

        for (var i = 0; i < ResultNames.Length; i++)
        {
            if (!seen[i] && i is not (ReportId or NotAskedQuestions or IsSettled or TextSet) && i < DispositionKey)
            {
                errors.Add(new("$." + ResultNames[i], ErrorCodes.Required, $"{ResultNames[i]} is required in a triage result."));
            }
        }

        if (urgency is { } u && urgencyCode is { } code && code != u.Code())
        {
            errors.Add(new("$.urgencyCode", ErrorCodes.Mismatch, $"urgencyCode must be {u.Code()}, the code of {u.JsonName()}."));
        }

        // Every value that is missing or wrong has recorded an error above: without errors, every required value is read.
        if (errors.Count > 0)
        {
            return null;
        }

        return new TriageResult
        {
            ReportId = reportId,
            Urgency = urgency!.Value,
            Disposition = disposition!,
            IsComplete = isComplete!.Value,
            DaysSinceSurgery = days!.Value,
            Findings = findings!,
            UnansweredQuestions = unanswered!,

            // Both are absent from results written before they existed: then nothing is known to be not asked, and
            // the result is not claimed settled (a reader then keeps telling the patient to answer the rest).
            NotAskedQuestions = notAsked ?? [],
            IsSettled = isSettled ?? false,
            CareAdvice = careAdvice!,
            SafetyNet = safetyNet!,
            Warnings = warnings!,
            RuleSet = ruleSet!,
            TextSet = textSet,
            DispositionKey = dispositionKey,
            CareAdviceKeys = careAdviceKeys ?? [],
            SafetyNetParts = parts,
            WarningKeys = warningKeys ?? [],
        };
    }

    /// <summary>Reads <c>safetyNetParts</c>: <c>signs</c>, <c>signKeys</c>, <c>closing</c> and <c>closingKey</c> required, <c>intro</c> and <c>introKey</c> together or not at all.</summary>
    private static SafetyNetParts? ReadParts(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, path, "safetyNetParts must be an object", ref errors);
            return null;
        }

        var texts = new string?[PartsNames.Length];
        string[]? signs = null;
        string[]? signKeys = null;
        var seen = new bool[PartsNames.Length];
        var count = errors.Count + errors.Omitted;
        var properties = new StrictObject(path, PartsShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            seen[property] = true;
            var propertyPath = path + "." + PartsNames[property];
            switch (property)
            {
                case 2:
                    signs = Strings(ref reader, propertyPath, ref errors);
                    break;
                case 3:
                    signKeys = Strings(ref reader, propertyPath, ref errors);
                    break;
                default:
                    texts[property] = String(ref reader, propertyPath, ref errors);
                    break;
            }
        }

        for (var i = 2; i < PartsNames.Length; i++)
        {
            if (!seen[i])
            {
                errors.Add(new(path + "." + PartsNames[i], ErrorCodes.Required, $"{PartsNames[i]} is required in safetyNetParts."));
            }
        }

        if (seen[0] != seen[1])
        {
            errors.Add(new(path + "." + PartsNames[seen[0] ? 1 : 0], ErrorCodes.Required, "intro and introKey are given together or not at all."));
        }

        if (signs is not null && signKeys is not null && signs.Length != signKeys.Length)
        {
            errors.Add(new(path + ".signKeys", ErrorCodes.Mismatch, "signKeys must hold one key per sign."));
        }

        return errors.Count + errors.Omitted > count ? null : new SafetyNetParts
        {
            Intro = texts[0],
            IntroKey = texts[1],
            Signs = signs!,
            SignKeys = signKeys!,
            Closing = texts[4]!,
            ClosingKey = texts[5]!,
        };
    }

    private static Finding[]? ReadFindings(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        const string path = "$.findings";
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            StrictJson.WrongType(ref reader, path, "findings must be an array of finding objects", ref errors);
            return null;
        }

        // A wrong finding records its errors and is left out: no result is made from a list with errors.
        var findings = new List<Finding>(4);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadFinding(ref reader, $"{path}[{index++}]", ref errors) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return [.. findings];
    }

    private static Finding? ReadFinding(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, path, "a finding must be an object", ref errors);
            return null;
        }

        var values = new string?[FindingNames.Length];
        Urgency? urgency = null;
        string[]? evidence = null;
        var seen = new bool[FindingNames.Length];
        var properties = new StrictObject(path, FindingShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            seen[property] = true;
            var propertyPath = path + "." + FindingNames[property];
            switch (property)
            {
                case 1:
                    urgency = ReadUrgency(ref reader, propertyPath, ref errors);
                    break;
                case 5:
                    evidence = Strings(ref reader, propertyPath, ref errors);
                    break;
                default:
                    values[property] = String(ref reader, propertyPath, ref errors);
                    break;
            }
        }

        for (var i = 0; i < 7; i++)
        {
            if (!seen[i])
            {
                errors.Add(new(path + "." + FindingNames[i], ErrorCodes.Required, $"{FindingNames[i]} is required in a finding."));
            }
        }

        // A missing or wrong value has recorded an error and left its slot null.
        if (urgency is null || evidence is null || values[0] is null || values[2] is null || values[3] is null || values[4] is null || values[6] is null)
        {
            return null;
        }

        return new Finding
        {
            RuleId = values[0]!,
            Urgency = urgency.Value,
            Title = values[2]!,
            PatientExplanation = values[3]!,
            ClinicianRationale = values[4]!,
            Evidence = evidence,
            Source = values[6]!,
            TitleKey = values[7],
            PatientExplanationKey = values[8],
        };
    }

    /// <summary>Reads <c>ruleSet</c> (<c>version</c>, <c>hash</c>) or <c>textSet</c> (<c>language</c>, <c>hash</c>): an object of two required texts.</summary>
    private static (string? First, string? Second) ReadPair(ref Utf8JsonReader reader, string name, ObjectShape shape, ref ErrorList errors)
    {
        var path = "$." + name;
        var (firstName, secondName) = ReferenceEquals(shape, RuleSetShape) ? ("version", "hash") : ("language", "hash");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            StrictJson.WrongType(ref reader, path, $"{name} must be an object {{ \"{firstName}\": text, \"{secondName}\": text }}", ref errors);
            return (null, null);
        }

        string? first = null;
        string? second = null;
        var seenFirst = false;
        var seenSecond = false;
        var properties = new StrictObject(path, shape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            if (property == 0)
            {
                seenFirst = true;
                first = String(ref reader, $"{path}.{firstName}", ref errors);
            }
            else if (property == 1)
            {
                seenSecond = true;
                second = String(ref reader, $"{path}.{secondName}", ref errors);
            }
        }

        if (!seenFirst)
        {
            errors.Add(new($"{path}.{firstName}", ErrorCodes.Required, $"{name}.{firstName} is required."));
        }

        if (!seenSecond)
        {
            errors.Add(new($"{path}.{secondName}", ErrorCodes.Required, $"{name}.{secondName} is required."));
        }

        return (first, second);
    }

    private static Urgency? ReadUrgency(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (EnumNames<Urgency>.TryMatch(ref reader, out var urgency))
        {
            return urgency;
        }

        StrictJson.WrongType(ref reader, path, $"must be one of {JsonNames.Allowed<Urgency>()}", ref errors, reader.TokenType == JsonTokenType.String ? ErrorCodes.UnknownValue : ErrorCodes.WrongType);
        return null;
    }

    private static QuestionId[]? Questions(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            StrictJson.WrongType(ref reader, path, "must be an array of question ids", ref errors);
            return null;
        }

        // A wrong item records its error and is left out: no result is made from a list with errors.
        var questions = new List<QuestionId>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // A result's questions are read strictly, as result.schema.json lists them: the well-known questions of the shipped rule sets.
            if (reader.TokenType == JsonTokenType.String && QuestionVocabulary.Shipped.AnswersShape.IndexOf(ref reader) is var known and >= 0)
            {
                questions.Add(QuestionVocabulary.Shipped.Ids[known]);
            }
            else
            {
                StrictJson.WrongType(ref reader, $"{path}[{index}]", "must be a question id of the question catalogue", ref errors, reader.TokenType == JsonTokenType.String ? ErrorCodes.UnknownValue : ErrorCodes.WrongType);
            }

            index++;
        }

        return [.. questions];
    }

    private static string[]? Strings(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            StrictJson.WrongType(ref reader, path, "must be an array of strings", ref errors);
            return null;
        }

        // A wrong item records its error and is left out: no result is made from a list with errors.
        var values = new List<string>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
            else
            {
                StrictJson.WrongType(ref reader, $"{path}[{index}]", "must be a string", ref errors);
            }

            index++;
        }

        return [.. values];
    }

    private static string? String(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        StrictJson.WrongType(ref reader, path, "must be a string", ref errors);
        return null;
    }

    private static int? Integer(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        StrictJson.WrongType(ref reader, path, "must be a whole number", ref errors);
        return null;
    }

    private static bool? Boolean(ref Utf8JsonReader reader, string path, ref ErrorList errors)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return reader.GetBoolean();
        }

        StrictJson.WrongType(ref reader, path, "must be true or false", ref errors);
        return null;
    }
}
