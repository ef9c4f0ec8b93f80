using System.Text;
using System.Text.Json.Nodes;

namespace SpineTriage.TestSupport;

/// <summary>
/// Local editions of the shipped rule sets, as a safety officer makes them (docs/rule-sets.md): the shipped document with
/// its own name and version, another fever threshold and one rule added. Tests of the library, console and server load them.
/// </summary>
public static class LocalEditions
{
    /// <summary>The name of the sample edition.</summary>
    public const string Name = "st-marys-spine";

    /// <summary>The version of the sample edition.</summary>
    public const string Version = "1.0.0";

    /// <summary>The fever threshold of the sample edition, in °C (the shipped one is 38.0).</summary>
    public const decimal FeverCelsius = 38.5m;

    /// <summary>The id of the rule the sample edition adds: new radiating limb pain in the early period is urgent.</summary>
    public const string AddedRule = "early-radicular-pain";

    /// <summary>A shipped document as it is in the repository.</summary>
    /// <param name="selector">The line, for example <c>2.0</c>.</param>
    /// <returns>A copy to change.</returns>
    public static JsonObject Shipped(string selector) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.PathOf($"src/SpineTriage/Rules/Documents/{selector}.json")))!.AsObject();

    /// <summary>The sample edition: rule set 2.0 with a fever threshold of 38.5 °C and <see cref="AddedRule"/>.</summary>
    /// <returns>The document, to change further or to write.</returns>
    public static JsonObject StMarys()
    {
        var document = Shipped("2.0");
        document["name"] = Name;
        document["version"] = Version;
        document["basedOn"] = "2.0";
        document["changes"] = new JsonArray("1.0.0: rule set 2.0 with the surgeons' fever threshold of 38.5 °C and new radiating limb pain in the first six weeks urgent.");
        document["thresholds"]!["feverCelsius"] = FeverCelsius;
        var rules = document["rules"]!.AsArray();
        var at = rules.Select((r, i) => (r, i)).First(x => (string?)x.r!["id"] == "new-swallowing-difficulty").i + 1;
        rules.Insert(at, JsonNode.Parse("""
            {
              "id": "early-radicular-pain",
              "urgency": "urgent",
              "when": { "all": [ { "yes": "radiatingLimbPain" }, { "fact": "earlyPeriod" } ] },
              "consideration": "nerve root irritation early after surgery (local rule of the surgeons)",
              "source": "St Mary's spine service, local protocol 2026-11",
              "text": { "title": "rule.radicular-pain.title", "patientExplanation": "rule.radicular-pain.patientExplanation" }
            }
            """));
        return document;
    }

    /// <summary>A document as UTF-8 JSON.</summary>
    public static byte[] Bytes(JsonNode document) => Encoding.UTF8.GetBytes(document.ToJsonString());

    /// <summary>A document as a stream to load.</summary>
    public static MemoryStream Stream(JsonNode document) => new(Bytes(document));
}
