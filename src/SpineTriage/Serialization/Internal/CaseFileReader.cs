using System.Text;
using System.Text.Json;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Testing;
using SpineTriage.Validation;

namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Reads a case file (contract.md, case file) strictly on <see cref="StrictJson"/>: unknown or duplicate
/// properties, wrong types, unknown urgencies and unknown rule ids are errors with their JSON paths. The report
/// is kept as the exact JSON text the file holds; it is read strictly when the case runs.
/// </summary>
internal static class CaseFileReader
{
    private static readonly ObjectShape CaseShape = new("name", "report", "expect", "ruleSet");

    private static readonly ObjectShape ExpectShape = new("urgency", "invalid", "isComplete", "rules", "absentRules");

    private static readonly ReadRoot<TriageCase> Root = ReadCase;

    /// <summary>The largest case file read: 1 MiB of UTF-8, as for a report (a case is a report and a few lines more).</summary>
    public const int MaxBytes = 1024 * 1024;

    public static Outcome<TriageCase> Read(string json)
    {
        if (json.Length > MaxBytes || (json.Length > MaxBytes / 3 && Encoding.UTF8.GetByteCount(json) > MaxBytes))
        {
            return new(null, [new ValidationError("$", ErrorCodes.TooLarge, $"the case file is larger than {ReportReader.SizeText(MaxBytes)}, the most that is read; nothing of it was read.")]);
        }

        var value = StrictJson.Read(json, Root, out var errors);
        return new(value, errors.Items);
    }

    private static TriageCase? ReadCase(ReadOnlySpan<byte> input, ref Utf8JsonReader reader, ref ErrorList errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new("$", ErrorCodes.WrongType, "a case file must be a JSON object with name, report and expect."));
            reader.Skip();
            return null;
        }

        string? name = null;
        string? reportJson = null;
        Expectation? expect = null;
        string? ruleSet = null;
        var ruleSetSeen = false;
        var properties = new StrictObject("$", CaseShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            switch (property)
            {
                case 0 when reader.TokenType == JsonTokenType.String:
                    name = reader.GetString();
                    break;
                case 1 when reader.TokenType == JsonTokenType.StartObject:
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    reportJson = Encoding.UTF8.GetString(input[start..(int)reader.BytesConsumed]);
                    break;
                case 2 when reader.TokenType == JsonTokenType.StartObject:
                    expect = ReadExpect(ref reader, ref errors);
                    break;
                case 3:
                    ruleSetSeen = true;
                    ruleSet = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    break;
                default:
                    reader.Skip(); // a wrong type is reported below as the missing value
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("$.name", ErrorCodes.Required, "name is required: a non-empty string saying what the case shows."));
        }

        if (reportJson is null)
        {
            errors.Add(new("$.report", ErrorCodes.Required, "report is required: a symptom report object."));
        }

        if (expect is null)
        {
            errors.Add(new("$.expect", ErrorCodes.Required, "expect is required: an object with urgency (or invalid: true)."));
        }

        // A case file that names no rule set is a rule set 1.0 case: files written before 2.0 keep their meaning.
        var edition = ruleSetSeen ? RuleSetEdition.Find(ruleSet) : RuleSetEdition.One;
        if (edition is null)
        {
            errors.Add(new("$.ruleSet", ruleSet is null ? ErrorCodes.WrongType : ErrorCodes.UnknownValue, $"ruleSet must be one of {string.Join(", ", RuleSets.Selectors.Select(s => $"'{s}'"))}; a case file without ruleSet is a rule set 1.0 case."));
        }
        else if (expect is not null)
        {
            CheckRuleIds(expect.Rules, "rules", edition, ref errors);
            CheckRuleIds(expect.AbsentRules, "absentRules", edition, ref errors);
        }

        return errors.Count > 0
            ? null
            : new TriageCase
            {
                Name = name!,
                ReportJson = reportJson!,
                ExpectedUrgency = expect!.Urgency,
                ExpectInvalid = expect.Invalid,
                ExpectedIsComplete = expect.IsComplete,
                ExpectedRules = [.. expect.Rules.Select(r => r!)],
                AbsentRules = [.. expect.AbsentRules.Select(r => r!)],
                RuleSet = edition!.Selector,
            };
    }

    private static Expectation ReadExpect(ref Utf8JsonReader reader, ref ErrorList errors)
    {
        Urgency? urgency = null;
        var urgencySeen = false;
        var invalid = false;
        bool? isComplete = null;
        string?[] rules = [];
        string?[] absentRules = [];
        var properties = new StrictObject("$.expect", ExpectShape, ref errors);
        while (properties.Next(ref reader, ref errors, out var property))
        {
            switch (property)
            {
                case 0:
                    urgencySeen = true;
                    if (EnumNames<Urgency>.TryMatch(ref reader, out var parsed))
                    {
                        urgency = parsed;
                    }
                    else
                    {
                        errors.Add(new("$.expect.urgency", reader.TokenType == JsonTokenType.String ? ErrorCodes.UnknownValue : ErrorCodes.WrongType, $"urgency must be one of {JsonNames.Allowed<Urgency>()}."));
                        reader.Skip();
                    }

                    break;
                case 1:
                    invalid = Boolean(ref reader, "$.expect.invalid", "invalid must be true or false.", ref errors) ?? false;
                    break;
                case 2:
                    isComplete = Boolean(ref reader, "$.expect.isComplete", "isComplete must be true or false.", ref errors);
                    break;
                case 3:
                    rules = RuleIds(ref reader, "rules", ref errors);
                    break;
                case 4:
                    absentRules = RuleIds(ref reader, "absentRules", ref errors);
                    break;
            }
        }

        if (!urgencySeen && !invalid)
        {
            errors.Add(new("$.expect.urgency", ErrorCodes.Required, "urgency is required unless invalid is true."));
        }

        if (invalid && urgency is not null)
        {
            errors.Add(new("$.expect", ErrorCodes.Conflict, "a case expects either an urgency or invalid: true, not both."));
        }

        return new Expectation(urgency, invalid, isComplete, rules, absentRules);
    }

    private static bool? Boolean(ref Utf8JsonReader reader, string path, string message, ref ErrorList errors)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return reader.GetBoolean();
        }

        errors.Add(new(path, ErrorCodes.WrongType, message));
        reader.Skip();
        return null;
    }

    // The rule ids as read (null for a value that is not a string); they are checked against the case's rule set once it is known.
    private static string?[] RuleIds(ref Utf8JsonReader reader, string name, ref ErrorList errors)
    {
        var path = $"$.expect.{name}";
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add(new(path, ErrorCodes.WrongType, $"{name} must be an array of rule ids."));
            reader.Skip();
            return [];
        }

        var ids = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
            reader.Skip();
        }

        return [.. ids];
    }

    private static void CheckRuleIds(string?[] ids, string name, RuleSetEdition edition, ref ErrorList errors)
    {
        for (var index = 0; index < ids.Length; index++)
        {
            if (ids[index] is not { } id || !edition.Ids.Contains(id, StringComparer.Ordinal))
            {
                // A misspelt rule id would make an absentRules check pass for the wrong reason.
                errors.Add(new($"$.expect.{name}[{index}]", ErrorCodes.UnknownRule, $"not a rule id of rule set {edition.Version}; see spinetriage rules."));
            }
        }
    }

    private sealed record Expectation(Urgency? Urgency, bool Invalid, bool? IsComplete, string?[] Rules, string?[] AbsentRules);
}
