using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace SpineTriage.Server.Tests.Fhir;

/// <summary>FHIR JSON both ways (Firely SDK) and the QuestionnaireResponses the tests send.</summary>
public static class FhirResources
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Json);

    public static T Parse<T>(string json)
        where T : Resource => JsonSerializer.Deserialize<T>(json, Json)!;

    public static StringContent Content(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/fhir+json"));

    public static StringContent Content(Resource resource) => Content(Serialize(resource));

    public static string Today(int plusDays = 0) => DateOnly.FromDateTime(DateTime.Now).AddDays(plusDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A completed response to the Questionnaire of patient "example", authored an hour ago, with these items (JSON, comma-separated).</summary>
    public static string Completed(string items) => $$$"""
        {"resourceType":"QuestionnaireResponse","status":"completed","questionnaire":"http://example.org/fhir/spinetriage/Questionnaire/spinetriage","subject":{"reference":"Patient/example"},"authored":"{{{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}}","item":[{{{items}}}]}
        """;

    /// <summary>A completed response: operated 10 days ago, assessed today, reporting loss of bladder control (and more answers if given).</summary>
    public static string BladderControlLoss(string extraItems = "") => $$$"""
        {"resourceType":"QuestionnaireResponse","status":"completed","questionnaire":"http://example.org/fhir/spinetriage/Questionnaire/spinetriage","subject":{"reference":"Patient/example"},"authored":"{{{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}}",
         "item":[
          {"linkId":"surgeryDate","answer":[{"valueDate":"{{{Today(-10)}}}"}]},
          {"linkId":"assessedOn","answer":[{"valueDate":"{{{Today()}}}"}]},
          {"linkId":"bladderOrBowelControlLoss","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA33-6","display":"Yes"}}]}{{{extraItems}}}
         ]}
        """;

    /// <summary>The urgency code in the GuidanceResponse's contained output Parameters.</summary>
    public static string Urgency(GuidanceResponse guidance) =>
        guidance.Contained.OfType<Parameters>().Single().GetSingleValue<Coding>("urgency")!.Code!;

    /// <summary>The issues of an OperationOutcome as (expression, code); the expression null when the issue has none.</summary>
    public static List<(string? Path, string Code)> Issues(string json) =>
        [.. Parse<OperationOutcome>(json).Issue.Select(i => (i.Expression.SingleOrDefault(), i.Details!.Coding.Single().Code!))];
}
