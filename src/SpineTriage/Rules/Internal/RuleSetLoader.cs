using System.Text.Json;
using System.Text.Json.Nodes;
using SpineTriage.Engine;
using SpineTriage.Validation;

namespace SpineTriage.Rules.Internal;

/// <summary>
/// Reads a rule-set document and validates it before any engine uses it: its JSON, its shape (no property the schema
/// does not name), the document's own checks (<see cref="RuleSetDocumentValidator"/>), then what only running it shows
/// (a red flag whose yes alone does not reach urgent, a rule that never fires), each error at its JSON path.
/// </summary>
internal static class RuleSetLoader
{
    // The properties the schema allows, by the kind of object (docs/schemas/rule-set.schema.json).
    private static readonly Dictionary<string, string[]> Properties = new(StringComparer.Ordinal)
    {
        ["$"] = ["$schema", "name", "version", "basedOn", "criteria", "changes", "thresholds", "questions", "facts", "rules", "safetyNet", "advice"],
        ["thresholds"] = ["feverCelsius", "severePainScore"],
        ["question"] = ["id", "redFlag", "redFlagWhen", "appliesWhen", "askedBy", "text"],
        ["questionText"] = ["lead", "signs", "notes"],
        ["fact"] = ["id", "present", "absent", "when"],
        ["rule"] = ["id", "urgency", "when", "consideration", "source", "text"],
        ["ruleText"] = ["title", "patientExplanation"],
        ["safetyNet"] = ["lead", "callBack", "signs"],
        ["sign"] = ["id", "presentWhen", "listedWhen", "text"],
        ["advice"] = ["riskFactors", "selfCare", "when"],
        ["adviceWhen"] = ["id", "when", "text"],
    };

    public static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static Outcome<LoadedRuleSet> Read(Stream utf8Json, string origin)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > LoadedRuleSet.MaxDocumentBytes)
                {
                    return Fail(new ValidationError("$", ErrorCodes.TooLarge, $"the document is larger than {LoadedRuleSet.MaxDocumentBytes / (1024 * 1024)} MiB, the most that is read."));
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return Fail(new ValidationError("$", ErrorCodes.MalformedJson, $"{origin} is not JSON: {e.Message}"));
        }

        if (root is not JsonObject rootObject)
        {
            return Fail(new ValidationError("$", ErrorCodes.SchemaViolation, "a rule-set document is a JSON object."));
        }

        var errors = new List<ValidationError>();
        Shape(rootObject, errors);

        RuleSetDocument document;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            document = RuleSetDocument.Read(stream, origin);
        }
        catch (FormatException e)
        {
            errors.Add(FromFormat(e));
            return Fail([.. errors]);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            errors.Add(new ValidationError("$", ErrorCodes.SchemaViolation, e.Message));
            return Fail([.. errors]);
        }

        var shipped = RuleSetEdition.All.FirstOrDefault(e => e.Name == document.Name && e.Version == document.Version && JsonNode.DeepEquals(e.Document.Root, rootObject));
        if (shipped is not null)
        {
            return errors.Count == 0 ? Outcome.Success(new LoadedRuleSet(shipped, isShipped: true)) : Fail([.. errors]);
        }

        errors.AddRange(new RuleSetDocumentValidator().Validate(document).Errors.Select(e => new ValidationError(e.PropertyName, e.ErrorCode, e.ErrorMessage)));
        if (errors.Count != 0)
        {
            return Fail([.. errors]);
        }

        RuleSetEdition edition;
        TriageEngine engine;
        try
        {
            edition = RuleSetEdition.From(document);
            engine = new TriageEngine(edition, TriageEngineOptions.Default, TimeProvider.System);
        }
        catch (FormatException e)
        {
            return Fail(FromFormat(e));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return Fail(new ValidationError("$", ErrorCodes.SchemaViolation, $"the document cannot be built into a rule set: {e.Message}"));
        }

        errors.AddRange(RuleSetBehaviour.Check(document, engine));
        return errors.Count == 0 ? Outcome.Success(new LoadedRuleSet(edition, isShipped: false)) : Fail([.. errors]);
    }

    private static Outcome<LoadedRuleSet> Fail(params ValidationError[] errors) => Outcome.Failure<LoadedRuleSet>(errors);

    /// <summary>A reader's message is <c>path: what</c>; the path is kept as the error's.</summary>
    private static ValidationError FromFormat(FormatException e)
    {
        var message = e.Message;
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var path = colon > 0 && message.StartsWith('$') ? message[..colon] : "$";
        var code = message.Contains("unknown question", StringComparison.Ordinal) ? ErrorCodes.UnknownQuestion
            : message.Contains("unknown fact", StringComparison.Ordinal) ? ErrorCodes.UnknownFact
            : ErrorCodes.SchemaViolation;
        return new ValidationError(path, code, colon > 0 ? message[(colon + 2)..] : message);
    }

    /// <summary>Every property the schema does not name, at its path (a misspelt <c>redFlagWhen</c> must not be dropped).</summary>
    private static void Shape(JsonObject root, List<ValidationError> errors)
    {
        Check(root, "$", "$", errors);
        Check(root["thresholds"], "$.thresholds", "thresholds", errors);
        Each(root["questions"], "$.questions", (q, path) =>
        {
            Check(q, path, "question", errors);
            Check(q["text"], path + ".text", "questionText", errors);
        });
        Each(root["facts"], "$.facts", (f, path) => Check(f, path, "fact", errors));
        Each(root["rules"], "$.rules", (r, path) =>
        {
            Check(r, path, "rule", errors);
            Check(r["text"], path + ".text", "ruleText", errors);
        });
        Check(root["safetyNet"], "$.safetyNet", "safetyNet", errors);
        if (root["safetyNet"] is JsonObject safetyNet)
        {
            Each(safetyNet["signs"], "$.safetyNet.signs", (s, path) => Check(s, path, "sign", errors));
        }

        Check(root["advice"], "$.advice", "advice", errors);
        if (root["advice"] is JsonObject advice)
        {
            Each(advice["when"], "$.advice.when", (a, path) => Check(a, path, "adviceWhen", errors));
        }
    }

    private static void Each(JsonNode? node, string path, Action<JsonObject, string> check)
    {
        if (node is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is JsonObject item)
                {
                    check(item, $"{path}[{i}]");
                }
            }
        }
    }

    private static void Check(JsonNode? node, string path, string kind, List<ValidationError> errors)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        var allowed = Properties[kind];
        foreach (var (name, _) in o)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new ValidationError($"{path}.{Cut(name)}", ErrorCodes.SchemaViolation, $"unknown property '{Cut(name)}'; allowed: {string.Join(", ", allowed)}."));
            }
        }
    }
}
