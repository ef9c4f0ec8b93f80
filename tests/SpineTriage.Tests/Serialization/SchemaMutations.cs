using System.Text.Json.Nodes;

namespace SpineTriage.Tests.Serialization;

/// <summary>A named change to a JSON document: the inputs on which a schema and its reader must agree.</summary>
internal sealed record Mutation(string Name, Action<JsonObject> Apply)
{
    public void Deconstruct(out string name, out Action<JsonObject> apply) => (name, apply) = (Name, Apply);

    public static Mutation Set(string path, JsonNode? value) => new($"{path} = {value?.ToJsonString() ?? "null"}", o => Object(o, path, out var key)[key] = value?.DeepClone());

    public static Mutation Remove(string path) => new($"without {path}", o => Object(o, path, out var key).Remove(key));

    private static JsonObject Object(JsonObject root, string path, out string key)
    {
        var parts = path.Split('.');
        var current = root;
        foreach (var part in parts[..^1])
        {
            current = current[part] as JsonObject ?? (JsonObject)(current[part] = new JsonObject());
        }

        key = parts[^1];
        return current;
    }
}

/// <summary>Mutations of a report: every kind of structural error, values at and just beyond each limit, and nulls.</summary>
internal static class ReportMutations
{
    private static readonly JsonNode?[] WrongTypes = [JsonValue.Create("6"), JsonValue.Create(6), JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create(5.5)];

    private static readonly string[] Properties = ["reportId", "surgeryDate", "assessedOn", "surgeryRegion", "hardware", "fusionLevels", "riskFactors", "painScore", "temperature", "answers", "skipped", "language"];

    public static IReadOnlyList<Mutation> All { get; } = Build();

    private static JsonObject Temperature(JsonNode value, string unit) => new() { ["value"] = value, ["unit"] = unit };

    private static List<Mutation> Build()
    {
        var all = new List<Mutation> { new("unchanged", _ => { }), Mutation.Remove("surgeryDate"), Mutation.Set("painScor", 3), Mutation.Set("answers.fevr", "yes") };
        foreach (var property in Properties)
        {
            all.Add(Mutation.Set(property, null));
            all.AddRange(WrongTypes.Select(value => Mutation.Set(property, value)));
        }

        foreach (var question in new[] { "fever", "saddleNumbness", "imagingShowsHardwareProblem" })
        {
            all.AddRange(new JsonNode?[] { "yes", "no", "unknown", "maybe", "Yes", 1, true, null }.Select(value => Mutation.Set($"answers.{question}", value)));
        }

        all.AddRange(new JsonNode?[] { "neck", "Lumbar", "lumbar", "sacral" }.Select(v => Mutation.Set("surgeryRegion", v)));
        all.AddRange(new[]
        {
            new JsonArray("screws", "screws"), new JsonArray("bolts"), new JsonArray("rods", "plates", "cages", "other", "screws"), new JsonArray(), new JsonArray(1), new JsonArray((JsonNode?)null),
        }.Select(v => Mutation.Set("hardware", v)));
        all.AddRange(new[] { new JsonArray("smoking", "smoking"), new JsonArray("vaping"), new JsonArray("multiLevelSurgery", "previousInfection") }.Select(v => Mutation.Set("riskFactors", v)));
        all.AddRange(new[] { new JsonArray("painScore", "painScore"), new JsonArray("weight"), new JsonArray("temperature"), new JsonArray("painScore") }.Select(v => Mutation.Set("skipped", v)));
        all.AddRange(new JsonNode?[] { -1, 0, 10, 11, int.MaxValue, (long)int.MaxValue + 1, 2.5 }.Select(v => Mutation.Set("painScore", v)));
        all.AddRange(new JsonNode?[] { 0, 1, 20, 21, -5 }.Select(v => Mutation.Set("fusionLevels", v)));
        all.AddRange(new JsonNode?[] { new string('r', 128), new string('r', 129), string.Empty }.Select(v => Mutation.Set("reportId", v)));
        all.AddRange(new JsonNode?[] { "en", "es", "fr", "EN", "en-GB", string.Empty }.Select(v => Mutation.Set("language", v)));

        foreach (var date in new[] { "surgeryDate", "assessedOn" })
        {
            all.AddRange(new JsonNode?[]
            {
                "2026-02-30", "2026-2-3", "01/09/2026", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "1899-12-31", "1900-01-01",
                "0001-01-01", "2026-11-24T00:00:00", "2026-13-01", "2026-04-31", "2026-09-01 ", "20260901",
            }.Select(v => Mutation.Set(date, v)));
        }

        all.AddRange(new[]
        {
            Temperature(37.5m, "celsius"), Temperature(29.99m, "celsius"), Temperature(30, "celsius"), Temperature(45, "celsius"), Temperature(45.01m, "celsius"),
            Temperature(85.99m, "fahrenheit"), Temperature(86, "fahrenheit"), Temperature(113, "fahrenheit"), Temperature(113.01m, "fahrenheit"),
            Temperature(100.4m, "fahrenheit"), Temperature(38, "celsius"), Temperature(37.123m, "celsius"), Temperature(37.12m, "celsius"), Temperature(99.999m, "fahrenheit"),
            Temperature(38, "kelvin"), Temperature(100, "celsius"), Temperature(38.5m, "Celsius"), Temperature("38", "celsius"),
            new JsonObject { ["value"] = 38 }, new JsonObject { ["unit"] = "celsius" }, new JsonObject { ["value"] = 38, ["unit"] = "celsius", ["site"] = "oral" },
        }.Select(v => Mutation.Set("temperature", v)));
        return all;
    }
}

/// <summary>Mutations of a triage result.</summary>
internal static class ResultMutations
{
    public static IEnumerable<Mutation> All(JsonObject result)
    {
        yield return new("unchanged", _ => { });
        yield return Mutation.Set("urgencies", "urgent");
        foreach (var (key, _) in result)
        {
            yield return Mutation.Remove(key);
            yield return Mutation.Set(key, null);
            yield return Mutation.Set(key, 1);
            yield return Mutation.Set(key, "x");
            yield return Mutation.Set(key, new JsonArray());
            yield return Mutation.Set(key, new JsonArray(1));
            yield return Mutation.Set(key, new JsonArray("fever"));
            yield return Mutation.Set(key, new JsonObject());
        }

        foreach (var code in new JsonNode?[] { 0, 1, 2, 3, 4, 5, 6, -1 })
        {
            yield return Mutation.Set("urgencyCode", code);
        }

        yield return Mutation.Set("urgency", "critical");
        yield return Mutation.Set("ruleSet.version", 1);
        yield return Mutation.Remove("ruleSet.hash");
        yield return Mutation.Set("ruleSet.extra", "x");
        yield return new("a finding without its title", o => ((JsonObject)o["findings"]![0]!).Remove("title"));
        yield return new("a finding with an unknown urgency", o => o["findings"]![0]!["urgency"] = "later");
        yield return new("a finding with an unknown property", o => o["findings"]![0]!["weight"] = 1);
        yield return new("a finding with number evidence", o => o["findings"]![0]!["evidence"] = new JsonArray(1));
        yield return new("a finding that is a string", o => o["findings"]![0] = "x");
        yield return Mutation.Set("unansweredQuestions", new JsonArray("fevr"));
        yield return Mutation.Set("notAskedQuestions", new JsonArray("saddleNumbness", "saddleNumbness"));
    }
}

/// <summary>Mutations of a case file.</summary>
internal static class CaseMutations
{
    public static IReadOnlyList<Mutation> All { get; } =
    [
        new("unchanged", _ => { }),
        Mutation.Remove("name"), Mutation.Remove("report"), Mutation.Remove("expect"), Mutation.Set("name", string.Empty), Mutation.Set("name", " \t"),
        Mutation.Set("name", "\u00a0\u3000"), Mutation.Set("name", 1), Mutation.Set("name", null), Mutation.Set("report", null), Mutation.Set("report", "{}"),
        Mutation.Set("report", new JsonObject()), Mutation.Set("report", new JsonObject { ["surgeryDate"] = "2026-09-01" }), Mutation.Set("expect", new JsonArray()),
        Mutation.Set("notes", "x"), Mutation.Set("expect.urgency", "critical"), Mutation.Set("expect.urgency", "emergency"), Mutation.Set("expect.urgency", null),
        Mutation.Remove("expect.urgency"), Mutation.Set("expect.invalid", true), Mutation.Set("expect.invalid", false), Mutation.Set("expect.invalid", "true"),
        Mutation.Set("expect.isComplete", 1), Mutation.Set("expect.isComplete", false), Mutation.Set("expect.rules", new JsonArray("cauda-equina")),
        Mutation.Set("expect.rules", new JsonArray("cauda-equine")), Mutation.Set("expect.absentRules", new JsonArray(1)), Mutation.Set("expect.absentRules", "fever"),
        Mutation.Set("expect.weight", 1), Mutation.Set("report.painScore", 12),
    ];
}

/// <summary>Mutations of an audit record line.</summary>
internal static class AuditMutations
{
    private static readonly string[] Properties =
        ["recordVersion", "time", "engineVersion", "ruleSet", "assessedOn", "reportHash", "urgency", "urgencyCode", "ruleIds", "reportId", "report", "previousHash", "recordHash"];

    private const string Hash = "sha256:47880993f19632ed3b69718a2b53a4fa351a3a49000c94a072cbdb0e0dfa4068";

    public static IReadOnlyList<Mutation> All { get; } = Build();

    private static List<Mutation> Build()
    {
        var all = new List<Mutation> { new("unchanged", _ => { }), Mutation.Set("comment", "x"), Mutation.Set("ruleSet.extra", 1), Mutation.Remove("ruleSet.hash") };
        foreach (var property in Properties)
        {
            all.Add(Mutation.Remove(property));
            all.Add(Mutation.Set(property, null));
            all.Add(Mutation.Set(property, 2));
            all.Add(Mutation.Set(property, string.Empty));
            all.Add(Mutation.Set(property, new JsonArray()));
            all.Add(Mutation.Set(property, new JsonObject()));
        }

        all.AddRange(new JsonNode?[] { 0, 1, 2, 3, 1.5 }.Select(v => Mutation.Set("recordVersion", v)));
        all.AddRange(new JsonNode?[] { 0, 1, 2, 3, 4, 5, 6 }.Select(v => Mutation.Set("urgencyCode", v)));
        all.AddRange(new JsonNode?[] { "selfCare", "soon", "critical" }.Select(v => Mutation.Set("urgency", v)));
        all.AddRange(new JsonNode?[]
        {
            "2026-11-18T08:42:05Z", "2026-11-18T08:42:05.1234567+01:00", "2026-11-18T08:42:05", "2026-11-18", "2026-11-18 08:42:05+00:00", "2026-02-30T08:42:05Z",
            "2026-11-18T24:00:00Z", "2026-11-18T08:42:05-14:00", "2026-11-18T08:42:05+15:00", "yesterday",
        }.Select(v => Mutation.Set("time", v)));
        all.AddRange(new JsonNode?[] { "2026-02-29", "2024-02-29", "0001-01-01", "2026-11-18T00:00:00Z", "18/11/2026" }.Select(v => Mutation.Set("assessedOn", v)));
        all.AddRange(new JsonNode?[] { Hash, Hash.ToUpperInvariant(), "sha256:abc", "hmac-" + Hash, "md5:" + Hash[7..] }.Select(v => Mutation.Set("reportHash", v)));
        foreach (var chain in new[] { "previousHash", "recordHash" })
        {
            all.AddRange(new JsonNode?[] { Hash, "hmac-" + Hash, "sha256:abc", Hash + "0" }.Select(v => Mutation.Set(chain, v)));
        }

        all.AddRange(new JsonNode?[] { new JsonArray("fever"), new JsonArray(string.Empty), new JsonArray(1), new JsonArray("fever", "wound-signs"), new JsonArray("not-a-rule-today") }
            .Select(v => Mutation.Set("ruleIds", v)));
        all.Add(Mutation.Set("ruleSet.version", string.Empty));
        all.Add(Mutation.Set("ruleSet.hash", "sha256:x"));
        all.Add(Mutation.Set("reportId", "sample"));
        all.AddRange(new JsonNode?[]
        {
            new JsonObject { ["language"] = "en", ["hash"] = Hash }, new JsonObject { ["language"] = "es", ["hash"] = Hash }, new JsonObject { ["language"] = string.Empty, ["hash"] = Hash },
            new JsonObject { ["language"] = "en", ["hash"] = "sha256:x" }, new JsonObject { ["language"] = "en", ["hash"] = "hmac-" + Hash }, new JsonObject { ["language"] = "en" },
            new JsonObject { ["hash"] = Hash }, new JsonObject { ["language"] = "en", ["hash"] = Hash, ["extra"] = 1 }, new JsonObject { ["language"] = 1, ["hash"] = Hash },
        }.Select(v => Mutation.Set("textSet", v)));
        return all;
    }
}
