using System.Text.Json;
using System.Text.Json.Nodes;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Rules;

/// <summary>
/// A rule-set document as read (docs/schemas/rule-set.schema.json): identity, thresholds, questions, derived facts,
/// rules in catalogue order, safety-net signs and advice. Conditions stay JSON until an engine builds the rules with its
/// thresholds (<see cref="Conditions"/>); the shipped documents are embedded resources (<c>Rules/Documents/*.json</c>).
/// </summary>
/// <remarks>Immutable once read.</remarks>
internal sealed class RuleSetDocument
{
    private readonly IReadOnlyDictionary<string, FactSpec> _facts;

    private RuleSetDocument(JsonObject root, string origin)
    {
        Origin = origin;
        Root = root;
        Name = Text(root, "name", "$");
        Version = Text(root, "version", "$");
        BasedOn = root["basedOn"] is JsonValue basedOn ? basedOn.GetValue<string>() : null;
        Criteria = root["criteria"] is JsonValue criteria ? criteria.GetValue<string>() : null;
        Changes = Array.AsReadOnly(Items(root, "changes", "$").Select((c, i) => c?.GetValue<string>() ?? throw Error($"$.changes[{i}]", "a text")).ToArray());
        var thresholds = Object(root, "thresholds", "$");
        FeverCelsius = Required(thresholds, "feverCelsius", "$.thresholds").GetValue<decimal>();
        SeverePainScore = Required(thresholds, "severePainScore", "$.thresholds").GetValue<int>();

        Questions = Array.AsReadOnly(Items(root, "questions", "$").Select((node, i) =>
        {
            var path = $"$.questions[{i}]";
            var q = node as JsonObject ?? throw Error(path, "an object");
            var text = Object(q, "text", path);
            return new QuestionSpec(
                Text(q, "id", path),
                Required(q, "redFlag", path).GetValue<bool>(),
                q["redFlagWhen"],
                q["appliesWhen"],
                Text(text, "lead", path + ".text"),
                Array.AsReadOnly(Items(text, "signs", path + ".text").Select(s => s!.GetValue<string>()).ToArray()),
                path)
            {
                ClinicianOnly = q["askedBy"] switch
                {
                    null => false,
                    JsonValue v when v.TryGetValue<string>(out var by) && by == "patient" => false,
                    JsonValue v when v.TryGetValue<string>(out var by) && by == "clinician" => true,
                    _ => throw Error(path + ".askedBy", "'patient' or 'clinician'"),
                },
                Notes = text["notes"] is null
                    ? []
                    : Array.AsReadOnly(Items(text, "notes", path + ".text").Select((n, j) =>
                    {
                        var notePath = $"{path}.text.notes[{j}]";
                        var note = n as JsonObject ?? throw Error(notePath, "an object");
                        return new NoteSpec(Text(note, "text", notePath), note["when"], notePath);
                    }).ToArray()),
            };
        }).ToArray());

        Facts = Array.AsReadOnly(Items(root, "facts", "$").Select((node, i) =>
        {
            var path = $"$.facts[{i}]";
            var f = node as JsonObject ?? throw Error(path, "an object");
            return new FactSpec(Text(f, "id", path), Text(f, "present", path), Text(f, "absent", path), Required(f, "when", path), path);
        }).ToArray());
        _facts = Facts.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        Rules = Array.AsReadOnly(Items(root, "rules", "$").Select((node, i) =>
        {
            var path = $"$.rules[{i}]";
            var r = node as JsonObject ?? throw Error(path, "an object");
            var text = Object(r, "text", path);
            var urgency = Text(r, "urgency", path);
            return new RuleSpec(
                Text(r, "id", path),
                Enum.GetValues<Urgency>().FirstOrDefault(u => u.JsonName() == urgency) is var u && u != 0 ? u : throw Error(path + ".urgency", "an urgency code"),
                Required(r, "when", path),
                Text(r, "consideration", path),
                Text(r, "source", path),
                Text(text, "title", path + ".text"),
                Text(text, "patientExplanation", path + ".text"),
                path);
        }).ToArray());

        var safetyNet = Object(root, "safetyNet", "$");
        SafetyNetLead = Text(safetyNet, "lead", "$.safetyNet");
        SafetyNetCallBack = Text(safetyNet, "callBack", "$.safetyNet");
        Signs = Array.AsReadOnly(Items(safetyNet, "signs", "$.safetyNet").Select((node, i) =>
        {
            var path = $"$.safetyNet.signs[{i}]";
            var s = node as JsonObject ?? throw Error(path, "an object");
            return new SignSpec(Text(s, "id", path), Required(s, "presentWhen", path), s["listedWhen"], Text(s, "text", path), path);
        }).ToArray());

        var advice = Object(root, "advice", "$");
        var riskFactors = Object(advice, "riskFactors", "$.advice");
        RiskFactorAdvice = Array.AsReadOnly(Enum.GetValues<RiskFactor>().Select(f => Text(riskFactors, JsonNames.Of(f), "$.advice.riskFactors")).ToArray());
        SelfCareAdvice = Array.AsReadOnly(Items(advice, "selfCare", "$.advice").Select(s => s!.GetValue<string>()).ToArray());
        ConditionalAdvice = Array.AsReadOnly(Items(advice, "when", "$.advice").Select((node, i) =>
        {
            var path = $"$.advice.when[{i}]";
            var a = node as JsonObject ?? throw Error(path, "an object");
            return new AdviceSpec(Text(a, "id", path), Required(a, "when", path), Text(a, "text", path), path);
        }).ToArray());
    }

    /// <summary>Gets the document as read (not to be changed), to compare a loaded document with a shipped one.</summary>
    public JsonObject Root { get; }

    /// <summary>Gets where the document came from, for messages: <c>embedded 2.0.json</c> or a file name.</summary>
    public string Origin { get; }

    public string Name { get; }

    public string Version { get; }

    public string? BasedOn { get; }

    /// <summary>Gets the criteria document the rule set implements, for example <c>clinical-criteria-2.0.md</c>.</summary>
    public string? Criteria { get; }

    public IReadOnlyList<string> Changes { get; }

    public decimal FeverCelsius { get; }

    public int SeverePainScore { get; }

    public IReadOnlyList<QuestionSpec> Questions { get; }

    public IReadOnlyList<FactSpec> Facts { get; }

    public IReadOnlyList<RuleSpec> Rules { get; }

    public string SafetyNetLead { get; }

    public string SafetyNetCallBack { get; }

    public IReadOnlyList<SignSpec> Signs { get; }

    /// <summary>Gets the advice key of each risk factor, by risk factor code - 1.</summary>
    public IReadOnlyList<string> RiskFactorAdvice { get; }

    public IReadOnlyList<string> SelfCareAdvice { get; }

    public IReadOnlyList<AdviceSpec> ConditionalAdvice { get; }

    /// <summary>Gets the selector of the document's line: its major version, <c>2.0</c> for <c>2.1.0</c>.</summary>
    public string Selector => Version[..Version.IndexOf('.', StringComparison.Ordinal)] + ".0";

    /// <summary>Reads a shipped document, embedded as <c>SpineTriage.Rules.Documents.{selector}.json</c>.</summary>
    public static RuleSetDocument Embedded(string selector)
    {
        var name = $"SpineTriage.Rules.Documents.{selector}.json";
        using var stream = typeof(RuleSetDocument).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The rule-set document {name} is not embedded.");
        return Read(stream, $"embedded {selector}.json");
    }

    /// <summary>Reads a document from UTF-8 JSON.</summary>
    /// <exception cref="FormatException">The JSON is not a rule-set document; the message names the JSON path.</exception>
    public static RuleSetDocument Read(Stream utf8Json, string origin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{origin}: not JSON ({e.Message})", e);
        }

        return new RuleSetDocument(root as JsonObject ?? throw Error("$", "an object"), origin);
    }

    /// <summary>Builds the conditions of the document with the thresholds an engine uses.</summary>
    public ConditionBuilder Conditions(decimal feverCelsius, int severePainScore) => new(this, feverCelsius, severePainScore);

    internal FactSpec? Fact(string id) => _facts.GetValueOrDefault(id);

    private static JsonNode Required(JsonObject node, string name, string path) =>
        node[name] ?? throw Error($"{path}.{name}", "a value");

    private static string Text(JsonObject node, string name, string path) =>
        Required(node, name, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Error($"{path}.{name}", "a text");

    private static JsonObject Object(JsonObject node, string name, string path) =>
        Required(node, name, path) as JsonObject ?? throw Error($"{path}.{name}", "an object");

    private static JsonArray Items(JsonObject node, string name, string path) =>
        Required(node, name, path) as JsonArray ?? throw Error($"{path}.{name}", "an array");

    internal static FormatException Error(string path, string expected) => new($"{path}: expected {expected}.");

    internal sealed record QuestionSpec(string Id, bool RedFlag, JsonNode? RedFlagWhen, JsonNode? AppliesWhen, string Lead, IReadOnlyList<string> Signs, string Path)
    {
        /// <summary>Gets whether the question is asked of clinicians only (<c>"askedBy": "clinician"</c>): never in a patient interview.</summary>
        public bool ClinicianOnly { get; init; }

        /// <summary>Gets the notes shown after the signs, each when its condition holds.</summary>
        public IReadOnlyList<NoteSpec> Notes { get; init; } = [];
    }

    internal sealed record NoteSpec(string TextKey, JsonNode? When, string Path);

    internal sealed record FactSpec(string Id, string Present, string Absent, JsonNode When, string Path);

    internal sealed record RuleSpec(string Id, Urgency Urgency, JsonNode When, string Consideration, string Source, string TitleKey, string ExplanationKey, string Path);

    internal sealed record SignSpec(string Id, JsonNode PresentWhen, JsonNode? ListedWhen, string TextKey, string Path);

    internal sealed record AdviceSpec(string Id, JsonNode When, string TextKey, string Path);
}

/// <summary>Reads the conditions of a document (<see cref="ConditionJson"/>) with an engine's thresholds; each named fact is built once.</summary>
internal sealed class ConditionBuilder(RuleSetDocument document, decimal feverCelsius, int severePainScore)
{
    private readonly Dictionary<string, NamedFact> _facts = new(StringComparer.Ordinal);

    public decimal FeverCelsius { get; } = feverCelsius;

    public int SeverePainScore { get; } = severePainScore;

    /// <summary>Reads a condition; a missing one is <see cref="When.Always"/>.</summary>
    /// <exception cref="FormatException">The condition is not one of the vocabulary; the message names its JSON path.</exception>
    public Condition Read(JsonNode? node, string path) => node is null ? When.Always : Parse(node, path, []);

    private Condition Parse(JsonNode node, string path, HashSet<string> factsOpen)
    {
        if (node is not JsonObject o || o.Count != 1)
        {
            throw RuleSetDocument.Error(path, $"a condition: an object with one of {string.Join(", ", ConditionJson.Kinds)}");
        }

        var (kind, value) = o.First();
        var at = $"{path}.{kind}";
        switch (kind)
        {
            case "all":
                return When.All([.. List(value, at).Select((c, i) => Parse(c ?? throw RuleSetDocument.Error($"{at}[{i}]", "a condition"), $"{at}[{i}]", factsOpen))]);
            case "any":
                return When.Any([.. List(value, at).Select((c, i) => Parse(c ?? throw RuleSetDocument.Error($"{at}[{i}]", "a condition"), $"{at}[{i}]", factsOpen))]);
            case "not":
                return When.Not(Parse(value ?? throw RuleSetDocument.Error(at, "a condition"), at, factsOpen));
            case "yes":
                return new AnswerIs(QuestionOf(value, at), Answer.Yes);
            case "no":
                return new AnswerIs(QuestionOf(value, at), Answer.No);
            case "unknown":
                return new AnswerIs(QuestionOf(value, at), Answer.Unknown);
            case "fact":
                return Fact(Name(value, at), at, factsOpen);
            case "fever":
                return When.Fever(Name(value, at) switch
                {
                    "present" => Presence.Present,
                    "absent" => Presence.Absent,
                    "unknown" => Presence.Unknown,
                    _ => throw RuleSetDocument.Error(at, "present, absent or unknown"),
                }, FeverCelsius);
            case "painScoreAtLeast":
                return When.PainScoreAtLeast(value is JsonValue v && v.TryGetValue<string>(out var name)
                    ? (name == "severePainScore" ? SeverePainScore : throw RuleSetDocument.Error(at, "a pain score or \"severePainScore\""))
                    : value is JsonValue n && n.TryGetValue<int>(out var score) && score is >= 0 and <= 10 ? score : throw RuleSetDocument.Error(at, "a pain score 0 to 10 or \"severePainScore\""));
            case "daysSinceSurgery":
                var range = value as JsonObject ?? throw RuleSetDocument.Error(at, "an object with min and/or max");
                var min = range["min"]?.GetValue<int>();
                var max = range["max"]?.GetValue<int>();
                return min > max ? throw RuleSetDocument.Error(at, "min at most max") : When.DaysSinceSurgery(min, max);
            case "surgeryRegion":
                return When.Region([.. List(value, at).Select((r, i) => EnumOf<SurgeryRegion>(r, $"{at}[{i}]"))]);
            case "surgeryRegionNotGiven":
                return True(value, at, When.RegionNotGiven);
            case "riskFactor":
                return When.RiskFactor(EnumOf<RiskFactor>(value, at));
            case "fired":
                return When.Fired(Name(value, at));
            case "noRuleAboveFired":
                return True(value, at, When.NoRuleAboveFired);
            case "redFlagUnresolved":
                return True(value, at, new RedFlagUnresolved(document.Questions.Any(q => q.AppliesWhen is not null)));
            default:
                throw RuleSetDocument.Error(path, $"a condition: one of {string.Join(", ", ConditionJson.Kinds)} (not '{Cut(kind)}')");
        }
    }

    private NamedFact Fact(string id, string at, HashSet<string> factsOpen)
    {
        if (_facts.TryGetValue(id, out var built))
        {
            return built;
        }

        var spec = document.Fact(id) ?? throw new FormatException($"{at}: unknown fact '{Cut(id)}'; the document's facts are {string.Join(", ", document.Facts.Select(f => f.Id))}.");
        if (!factsOpen.Add(id))
        {
            throw new FormatException($"{spec.Path}: fact '{Cut(id)}' is defined by itself.");
        }

        var fact = new NamedFact(spec.Present, spec.Absent, Parse(spec.When, spec.Path + ".when", factsOpen));
        factsOpen.Remove(id);
        _facts[id] = fact;
        return fact;
    }

    private QuestionId QuestionOf(JsonNode? value, string at)
    {
        var id = Name(value, at);
        return document.Questions.Any(q => q.Id == id) && QuestionIds.TryParse(id, out var question)
            ? question
            : throw new FormatException($"{at}: unknown question '{Cut(id)}': not a question of the document.");
    }

    private static T EnumOf<T>(JsonNode? value, string at)
        where T : struct, Enum
    {
        var name = Name(value, at);
        return Enum.GetValues<T>().FirstOrDefault(v => JsonNames.Of(v) == name) is var found && JsonNames.Of(found) == name
            ? found
            : throw RuleSetDocument.Error(at, $"one of {JsonNames.Allowed<T>()}");
    }

    private static Condition True(JsonNode? value, string at, Condition condition) =>
        value is JsonValue v && v.TryGetValue<bool>(out var b) && b ? condition : throw RuleSetDocument.Error(at, "true");

    private static JsonArray List(JsonNode? value, string at) => value as JsonArray ?? throw RuleSetDocument.Error(at, "an array");

    private static string Name(JsonNode? value, string at) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw RuleSetDocument.Error(at, "a text");

    internal static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
