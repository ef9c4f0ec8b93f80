using System.Text;
using System.Text.Json;
using SpineTriage.Audit;
using SpineTriage.Results;
using SpineTriage.Results.Internal;
using SpineTriage.Validation;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Reads one audit-record line (contract.md, audit record) strictly on <see cref="StrictJson"/>: unknown or
/// duplicate properties, wrong types, missing fields, malformed hashes, dates and urgencies are errors with their
/// paths and codes, all reported together. A stored record may hold patient data, so no error names a stored
/// value or the name of an unknown stored property: errors name paths and kinds of problem only.
/// </summary>
internal static class AuditRecordReader
{
    private const int RecordVersion = 0, Time = 1, EngineVersion = 2, RuleSet = 3, AssessedOn = 4, ReportHash = 5, Urgency = 6, UrgencyCode = 7, RuleIds = 8, ReportId = 9, Report = 10, PreviousHash = 11, RecordHash = 12, TextSet = 13;

    private static readonly string[] RecordNames =
        ["recordVersion", "time", "engineVersion", "ruleSet", "assessedOn", "reportHash", "urgency", "urgencyCode", "ruleIds", "reportId", "report", "previousHash", "recordHash", "textSet"];

    private static readonly ObjectShape RecordShape = Hiding(RecordNames);

    private static readonly ObjectShape RuleSetShape = Hiding(["version", "hash"]);

    private static readonly ObjectShape TextSetShape = Hiding(["language", "hash"]);

    private static readonly ReadRoot<AuditRecord> Root = ReadRecord;

    public static Outcome<AuditRecord> Read(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) > AuditRecord.MaxJsonLineBytes)
        {
            return new(null, [TooLarge()]);
        }

        var record = StrictJson.Read(line, Root, out var errors);
        return new(record, errors.Items);
    }

    public static Outcome<AuditRecord> Read(ReadOnlySpan<byte> utf8Line)
    {
        if (utf8Line.Length > AuditRecord.MaxJsonLineBytes)
        {
            return new(null, [TooLarge()]);
        }

        var record = StrictJson.Read(utf8Line, Root, out var errors);
        return new(record, errors.Items);
    }

    public static ValidationError TooLarge() => new(
        "$",
        ErrorCodes.TooLarge,
        $"the line is longer than {AuditRecord.MaxJsonLineBytes} bytes, the limit of one audit record; it was not read.");

    /// <summary>Names the JSON kind of the current value, never the value itself.</summary>
    internal static string Kind(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => "nothing",
    };

    private static ObjectShape Hiding(string[] names)
    {
        var allowed = string.Join(", ", names);
        return new ObjectShape(names, ErrorCodes.UnknownProperty, _ => $"an unknown property (its name is not shown: a stored name may hold patient data); allowed: {allowed}.")
        {
            HidesUnknownNames = true,
        };
    }

    private static void Wrong(ref Utf8JsonReader reader, string path, string code, string expectation, ref ErrorList errors)
    {
        errors.Add(new(path, code, $"{expectation}; got {Kind(ref reader)} (not shown)."));
        reader.Skip();
    }

    private static AuditRecord? ReadRecord(ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Wrong(ref reader, "$", ErrorCodes.WrongType, "an audit record must be a JSON object", ref errors);
            return null;
        }

        int? version = null;
        DateTimeOffset? time = null;
        string? engineVersion = null;
        RuleSetIdentity? ruleSet = null;
        TextSetIdentity? textSet = null;
        DateOnly? assessedOn = null;
        string? reportHash = null;
        Urgency? urgency = null;
        int? urgencyCode = null;
        string[]? ruleIds = null;
        string? reportId = null;
        string? reportJson = null;
        string? previousHash = null;
        string? recordHash = null;
        var seen = new bool[RecordNames.Length];

        var properties = new StrictObject("$", RecordShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            seen[property] = true;
            var path = "$." + RecordNames[property];
            switch (property)
            {
                case RecordVersion:
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v))
                    {
                        version = v;
                    }
                    else
                    {
                        Wrong(ref reader, path, ErrorCodes.WrongType, "recordVersion must be a whole number", ref errors);
                    }

                    break;
                case Time:
                    time = ReadTime(ref reader, ref errors);
                    break;
                case EngineVersion:
                    engineVersion = Text(ref reader, path, "engineVersion must be a non-empty string", ref errors);
                    break;
                case RuleSet:
                    ruleSet = ReadRuleSet(ref reader, ref errors);
                    break;
                case TextSet:
                    textSet = ReadTextSet(ref reader, ref errors);
                    break;
                case AssessedOn:
                    if (StrictJson.TryGetDate(ref reader, out var date))
                    {
                        assessedOn = date;
                    }
                    else
                    {
                        Wrong(ref reader, path, ErrorCodes.InvalidDate, "assessedOn must be a date as \"yyyy-MM-dd\"", ref errors);
                    }

                    break;
                case ReportHash:
                    reportHash = ChainHash(ref reader, path, "reportHash", ref errors);
                    break;
                case Urgency:
                    if (EnumNames<Urgency>.TryMatch(ref reader, out var parsed))
                    {
                        urgency = parsed;
                    }
                    else
                    {
                        Wrong(ref reader, path, reader.TokenType == JsonTokenType.String ? ErrorCodes.UnknownValue : ErrorCodes.WrongType, $"urgency must be one of {JsonNames.Allowed<Urgency>()}", ref errors);
                    }

                    break;
                case UrgencyCode:
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code))
                    {
                        urgencyCode = code;
                    }
                    else
                    {
                        Wrong(ref reader, path, ErrorCodes.WrongType, "urgencyCode must be a whole number", ref errors);
                    }

                    break;
                case RuleIds:
                    ruleIds = ReadRuleIds(ref reader, ref errors);
                    break;
                case ReportId:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        reportId = reader.GetString();
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        Wrong(ref reader, path, ErrorCodes.WrongType, "reportId, when present, must be a string", ref errors);
                    }

                    break;
                case Report:
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        reportJson = Encoding.UTF8.GetString(input[start..(int)reader.BytesConsumed]);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        Wrong(ref reader, path, ErrorCodes.WrongType, "report, when present, must be a report object", ref errors);
                    }

                    break;
                case PreviousHash:
                    previousHash = ChainHash(ref reader, path, "previousHash", ref errors);
                    break;
                case RecordHash:
                    recordHash = ChainHash(ref reader, path, "recordHash", ref errors);
                    break;
            }
        }

        if (!seen[RecordVersion])
        {
            errors.Add(new("$.recordVersion", ErrorCodes.Required, "recordVersion is required: 1, or 2 for a chained record."));
        }
        else if (version is AuditRecord.UnchainedRecordVersion)
        {
            foreach (var chainField in (ReadOnlySpan<int>)[PreviousHash, RecordHash])
            {
                if (seen[chainField])
                {
                    errors.Add(new("$." + RecordNames[chainField], ErrorCodes.Conflict, $"{RecordNames[chainField]} belongs to chained records (recordVersion 2), not to version 1."));
                }
            }
        }
        else if (version is AuditRecord.ChainedRecordVersion)
        {
            Require(seen[PreviousHash], "$.previousHash", "previousHash is required in a chained record (recordVersion 2): the recordHash of the record before it.", ref errors);
            Require(seen[RecordHash], "$.recordHash", "recordHash is required in a chained record (recordVersion 2).", ref errors);
        }
        else if (version is not null)
        {
            errors.Add(new("$.recordVersion", ErrorCodes.UnsupportedVersion, "recordVersion must be 1 or 2; this library does not read other versions."));
        }

        Require(seen[Time], "$.time", "time is required: an ISO 8601 date and time with offset.", ref errors);
        Require(seen[EngineVersion], "$.engineVersion", "engineVersion is required.", ref errors);
        Require(seen[RuleSet], "$.ruleSet", "ruleSet is required: { \"version\": text, \"hash\": \"sha256:\" and 64 lowercase hex digits }.", ref errors);
        Require(seen[AssessedOn], "$.assessedOn", "assessedOn is required: a date as \"yyyy-MM-dd\".", ref errors);
        Require(seen[Urgency], "$.urgency", $"urgency is required: one of {JsonNames.Allowed<Urgency>()}.", ref errors);
        Require(seen[UrgencyCode], "$.urgencyCode", "urgencyCode is required: the code of the urgency.", ref errors);
        Require(seen[RuleIds], "$.ruleIds", "ruleIds is required: the non-empty ids of the rules that fired.", ref errors);
        if (urgency is { } u && urgencyCode is { } c && c != u.Code())
        {
            errors.Add(new("$.urgencyCode", ErrorCodes.Mismatch, $"urgencyCode must be {u.Code()}, the code of {u.JsonName()}."));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new AuditRecord
        {
            RecordVersion = version!.Value,
            Time = time!.Value,
            EngineVersion = engineVersion!,
            RuleSet = ruleSet!,
            TextSet = textSet,
            AssessedOn = assessedOn!.Value,
            ReportHash = reportHash,
            Urgency = urgency!.Value,
            RuleIds = ruleIds!,
            ReportId = reportId,
            ReportJson = reportJson,
            PreviousHash = previousHash,
            RecordHash = recordHash,
        };
    }

    private static void Require(bool seen, string path, string message, ref ErrorList errors)
    {
        if (!seen)
        {
            errors.Add(new(path, ErrorCodes.Required, message));
        }
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        // An explicit offset is required: a time without one would be read in the reader's own time zone. Read as a
        // DateTime, a time with "Z" is UTC and one with an offset local; a date alone or a time without offset is neither.
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time)
            && reader.TryGetDateTime(out var clock) && clock.Kind != DateTimeKind.Unspecified)
        {
            return time;
        }

        Wrong(ref reader, "$.time", ErrorCodes.InvalidDate, "time must be an ISO 8601 date and time with offset, for example \"2026-11-18T08:42:05+00:00\"", ref errors);
        return null;
    }

    private static string? Text(ref Utf8JsonReader reader, string path, string expectation, ref ErrorList errors)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        Wrong(ref reader, path, reader.TokenType == JsonTokenType.String ? ErrorCodes.Required : ErrorCodes.WrongType, expectation, ref errors);
        return null;
    }

    private static string? Sha256(ref Utf8JsonReader reader, string path, string name, ref ErrorList errors)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Sha256Hash.IsWellFormed(text))
        {
            return text;
        }

        Wrong(ref reader, path, reader.TokenType == JsonTokenType.String ? ErrorCodes.InvalidFormat : ErrorCodes.WrongType, $"{name} must be \"sha256:\" and 64 lowercase hex digits", ref errors);
        return null;
    }

    private static string? ChainHash(ref Utf8JsonReader reader, string path, string name, ref ErrorList errors)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && AuditRecordHash.IsWellFormed(text))
        {
            return text;
        }

        Wrong(ref reader, path, reader.TokenType == JsonTokenType.String ? ErrorCodes.InvalidFormat : ErrorCodes.WrongType, $"{name} must be \"sha256:\" or \"hmac-sha256:\" and 64 lowercase hex digits", ref errors);
        return null;
    }

    private static RuleSetIdentity? ReadRuleSet(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        const string shape = "{ \"version\": text, \"hash\": \"sha256:\" and 64 lowercase hex digits }";
        return ReadTextAndHash(ref reader, "ruleSet", "version", RuleSetShape, "ruleSet must be an object " + shape, "ruleSet is required: " + shape + ".", ref errors)
            is ({ } version, { } hash) ? new RuleSetIdentity(version, hash) : null;
    }

    /// <summary>Reads the optional <c>textSet</c> (records written before text sets have none: their text set is unknown).</summary>
    private static TextSetIdentity? ReadTextSet(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        const string shape = "textSet must be an object { \"language\": text, \"hash\": \"sha256:\" and 64 lowercase hex digits }";
        return ReadTextAndHash(ref reader, "textSet", "language", TextSetShape, shape, shape + ", both required.", ref errors)
            is ({ } language, { } hash) ? new TextSetIdentity(language, hash) : null;
    }

    // An identity object of the record (ruleSet, textSet): exactly a non-empty text (the shape's first name) and a
    // SHA-256 hash, both required. Null parts mean the errors are listed.
    private static (string? Text, string? Hash) ReadTextAndHash(
        ref Utf8JsonReader reader, string name, string textName, ObjectShape shape, string wrongTypeMessage, string requiredMessage, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Wrong(ref reader, "$." + name, ErrorCodes.WrongType, wrongTypeMessage, ref errors);
            return (null, null);
        }

        string? text = null;
        string? hash = null;
        var properties = new StrictObject("$." + name, shape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            if (property == 0)
            {
                text = Text(ref reader, $"$.{name}.{textName}", $"{name}.{textName} must be a non-empty string", ref errors);
            }
            else if (property == 1)
            {
                hash = Sha256(ref reader, $"$.{name}.hash", $"{name}.hash", ref errors);
            }
        }

        if (text is null || hash is null)
        {
            errors.Add(new("$." + name, ErrorCodes.Required, requiredMessage));
            return (null, null);
        }

        return (text, hash);
    }

    private static string[]? ReadRuleIds(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Wrong(ref reader, "$.ruleIds", ErrorCodes.WrongType, "ruleIds must be an array of rule ids", ref errors);
            return null;
        }

        var ids = new List<string>(4);
        var valid = true;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id)
            {
                ids.Add(id);
            }
            else
            {
                valid = false;
                Wrong(ref reader, $"$.ruleIds[{index}]", reader.TokenType == JsonTokenType.String ? ErrorCodes.Required : ErrorCodes.WrongType, "each rule id must be a non-empty string", ref errors);
            }

            index++;
        }

        if (ids.Count == 0 && valid)
        {
            errors.Add(new("$.ruleIds", ErrorCodes.Required, "ruleIds must hold at least one rule id: a decision always has a finding."));
        }

        // When an id is wrong or there is none, an error is recorded above and no record is made from these ids.
        return [.. ids];
    }
}
