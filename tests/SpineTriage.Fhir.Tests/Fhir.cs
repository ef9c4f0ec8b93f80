using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SpineTriage.Engine;
using SpineTriage.Fhir.CdsHooks;
using SpineTriage.Rules;
using SpineTriage.TestSupport;

namespace SpineTriage.Fhir.Tests;

/// <summary>The mappings under test, their engines' clocks at <see cref="ReportBuilder.Today"/>, and FHIR JSON both ways.</summary>
internal static class Fhir
{
    public static readonly TriageFhir V1 = new(ReportBuilder.EngineV1());

    public static readonly TriageFhir V2 = new(ReportBuilder.EngineV2());

    public static readonly CdsCards Cards = new(V2);

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Json);

    public static T Parse<T>(string json)
        where T : Resource => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>The resource written as JSON and parsed back with the Firely SDK.</summary>
    public static T RoundTrip<T>(T resource)
        where T : Resource => Parse<T>(Serialize(resource));

    public static TriageFhir For(string ruleSet) => ruleSet == RuleSets.V1 ? V1 : V2;

    public static ITriageEngine Engine(this TriageFhir fhir) => fhir.Engine;
}
