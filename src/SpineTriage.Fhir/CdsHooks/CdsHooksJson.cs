using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using SpineTriage.Validation;

namespace SpineTriage.Fhir.CdsHooks;

/// <summary>The CDS Hooks 2.0 JSON of cards (a service response) and feedback (a feedback request), with System.Text.Json only.</summary>
public static class CdsHooksJson
{
    // Letters of every language are written as they are (a Spanish card reads "más", not "m\u00E1s"); the characters
    // that are unsafe in HTML (<, >, &, ', +, `) stay escaped, so a card pasted into a page cannot become markup.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The CDS service response <c>{"cards": [...]}</c>.</summary>
    /// <param name="cards">The cards.</param>
    /// <returns>Indented JSON.</returns>
    public static string SerializeResponse(IEnumerable<CdsCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var array = new JsonArray();
        foreach (var card in cards)
        {
            array.Add(new JsonObject
            {
                ["uuid"] = card.Uuid.ToString("D"),
                ["summary"] = card.Summary,
                ["detail"] = card.Detail,
                ["indicator"] = card.Indicator,
                ["source"] = new JsonObject
                {
                    ["label"] = card.Source.Label,
                },
                ["overrideReasons"] = new JsonArray([.. card.OverrideReasons.Select(Coding)]),
            });
            var source = (JsonObject)array[^1]!["source"]!;
            if (card.Source.Url is { } url)
            {
                source["url"] = url;
            }

            if (card.Source.Topic is { } topic)
            {
                source["topic"] = Coding(topic);
            }

            if (card.Suggestions.Count > 0)
            {
                array[^1]!["selectionBehavior"] = "any";
                array[^1]!["suggestions"] = new JsonArray([.. card.Suggestions.Select(Suggestion)]);
            }

            if (card.Links.Count > 0)
            {
                array[^1]!["links"] = new JsonArray([.. card.Links.Select(l => (JsonNode)new JsonObject { ["label"] = l.Label, ["url"] = l.Url, ["type"] = "absolute" })]);
            }
        }

        return new JsonObject { ["cards"] = array }.ToJsonString(Indented);
    }

    /// <summary>Reads a CDS Hooks feedback request <c>{"feedback": [...]}</c>.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The entries, or every error with its JSON path.</returns>
    public static Outcome<IReadOnlyList<CdsFeedback>> ParseFeedback(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return Outcome.Failure<IReadOnlyList<CdsFeedback>>([new ValidationError("$", ErrorCodes.MalformedJson, "The feedback is not valid JSON.")]);
        }

        var errors = new List<ValidationError>();
        var entries = new List<CdsFeedback>();
        if (root is not JsonObject { } body || body["feedback"] is not JsonArray feedback)
        {
            return Outcome.Failure<IReadOnlyList<CdsFeedback>>([new ValidationError("$.feedback", ErrorCodes.Required, "A feedback request is an object with a 'feedback' array.")]);
        }

        for (var i = 0; i < feedback.Count; i++)
        {
            var path = $"$.feedback[{i}]";
            if (feedback[i] is not JsonObject entry)
            {
                errors.Add(new ValidationError(path, ErrorCodes.WrongType, "A feedback entry is an object."));
                continue;
            }

            var card = Text(entry, "card", path, errors);
            var outcome = Text(entry, "outcome", path, errors);
            var timestamp = Text(entry, "outcomeTimestamp", path, errors);
            Guid uuid = default;
            if (card is not null && !Guid.TryParse(card, out uuid))
            {
                errors.Add(new ValidationError(path + ".card", ErrorCodes.InvalidFormat, "The card is the card's uuid."));
            }

            CdsFeedbackOutcome? kind = outcome switch
            {
                "accepted" => CdsFeedbackOutcome.Accepted,
                "overridden" => CdsFeedbackOutcome.Overridden,
                null => null,
                _ => Invalid(errors, path + ".outcome", ErrorCodes.UnknownValue, "The outcome is 'accepted' or 'overridden'."),
            };
            DateTimeOffset when = default;
            if (timestamp is not null && !DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out when))
            {
                errors.Add(new ValidationError(path + ".outcomeTimestamp", ErrorCodes.InvalidDate, "The timestamp is an ISO 8601 instant."));
            }

            CdsOverrideReason? reason = null;
            if (entry["overrideReason"] is JsonObject overrideReason)
            {
                var coding = overrideReason["reason"] is JsonObject r && r["code"]?.GetValueKind() == JsonValueKind.String && r["system"]?.GetValueKind() == JsonValueKind.String
                    ? new CdsCoding((string)r["code"]!, (string)r["system"]!, r["display"]?.GetValueKind() == JsonValueKind.String ? (string)r["display"]! : null)
                    : null;
                var comment = overrideReason["userComment"]?.GetValueKind() == JsonValueKind.String ? (string)overrideReason["userComment"]! : null;
                reason = new CdsOverrideReason(coding, comment);
            }

            if (kind == CdsFeedbackOutcome.Accepted && reason is not null)
            {
                errors.Add(new ValidationError(path + ".overrideReason", ErrorCodes.Conflict, "An accepted card has no override reason."));
            }

            if (card is not null && kind is { } k && timestamp is not null && errors.Count == 0)
            {
                entries.Add(new CdsFeedback(uuid, k, when, reason));
            }
        }

        return errors.Count == 0
            ? Outcome.Success<IReadOnlyList<CdsFeedback>>(entries.AsReadOnly())
            : Outcome.Failure<IReadOnlyList<CdsFeedback>>(errors);
    }

    private static JsonObject Suggestion(CdsSuggestion suggestion) => new()
    {
        ["label"] = suggestion.Label,
        ["uuid"] = suggestion.Uuid.ToString("D"),
        ["isRecommended"] = suggestion.IsRecommended,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "create",
            ["description"] = suggestion.Description,
            ["resource"] = JsonNode.Parse(suggestion.ResourceJson),
        }),
    };

    private static JsonObject Coding(CdsCoding coding)
    {
        var json = new JsonObject { ["system"] = coding.System, ["code"] = coding.Code };
        if (coding.Display is { } display)
        {
            json["display"] = display;
        }

        return json;
    }

    private static string? Text(JsonObject entry, string name, string path, List<ValidationError> errors)
    {
        if (entry[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return (string)value!;
        }

        errors.Add(entry[name] is null
            ? new ValidationError(path + "." + name, ErrorCodes.Required, $"'{name}' is required.")
            : new ValidationError(path + "." + name, ErrorCodes.WrongType, $"'{name}' is a string."));
        return null;
    }

    private static CdsFeedbackOutcome? Invalid(List<ValidationError> errors, string path, string code, string message)
    {
        errors.Add(new ValidationError(path, code, message));
        return null;
    }
}
