using System.Net;
using FluentAssertions;
using Hl7.Fhir.Model;
using SpineTriage.Fhir.Tests;
using static SpineTriage.Server.Tests.Fhir.FhirResources;
using Task = System.Threading.Tasks.Task;

namespace SpineTriage.Server.Tests.Fhir;

/// <summary>
/// Issue 25 item 6 for the server's own FHIR outputs: what it answers over HTTP (the CapabilityStatement, every resource it
/// reads, search Bundles, OperationOutcomes of every kind of error, $next-question steps and GuidanceResponses) is checked
/// with the same independent checks as the library's outputs (<see cref="R4Checks"/>: the official R4 JSON Schema and every
/// error-severity HL7 R4 FHIRPath invariant of the elements used), on the JSON exactly as served.
/// </summary>
public sealed class ServedR4Tests
{
    private const string Triage = "/fhir/QuestionnaireResponse/$triage";
    private const string NextQuestion = "/fhir/Questionnaire/$next-question";

    /// <summary>Every kind of FHIR body the server answers, named, as served (JSON).</summary>
    private static async Task<List<(string Name, HttpStatusCode Status, string Json)>> ServedAsync()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var served = new List<(string, HttpStatusCode, string)>();

        async Task GetAsync(string path)
        {
            using var response = await client.GetAsync("/fhir/" + path);
            served.Add(("GET " + path, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        async Task<string> PostAsync(string name, string path, string body)
        {
            using var response = await client.PostAsync(path, Content(body));
            var json = await response.Content.ReadAsStringAsync();
            served.Add(("POST " + name, response.StatusCode, json));
            return json;
        }

        // Reads (the CapabilityStatement included) and searches.
        foreach (var path in FhirApiTests.ServedPaths)
        {
            await GetAsync(path);
        }

        await GetAsync("Questionnaire");
        await GetAsync("Questionnaire?url=" + Uri.EscapeDataString(SpineTriage.Fhir.FhirOptions.DefaultCanonicalBase + "/Questionnaire/spinetriage-es"));
        await GetAsync("Questionnaire?url=" + Uri.EscapeDataString("http://example.org/other") + "&version=0");

        // Errors: not found, unreadable, the wrong resource, an invalid one, too large, a key twice, answers in error (bare and in Parameters).
        await GetAsync("Questionnaire/other");
        await GetAsync("Patient/1");
        await PostAsync("malformed", Triage, "{\"resourceType\":");
        await PostAsync("wrong resource", Triage, """{"resourceType":"Patient","active":true}""");
        await PostAsync("invalid resource", Triage, """{"resourceType":"QuestionnaireResponse","status":"maybe"}""");
        await PostAsync("too large", Triage, new string(' ', (1024 * 1024) + 1));
        await PostAsync("duplicate key", Triage, BladderControlLoss().Replace("\"status\":\"completed\"", "\"status\":\"completed\",\"status\":\"completed\"", StringComparison.Ordinal));
        await PostAsync("answer errors", Triage, BladderControlLoss(""",{"linkId":"noSuchQuestion","answer":[{"valueBoolean":true}]},{"linkId":"painScore","answer":[{"valueInteger":11}]}"""));
        await PostAsync("answer errors in Parameters", NextQuestion, """{"resourceType":"Parameters","parameter":[{"name":"questionnaire-response","resource":""" + BladderControlLoss(""",{"linkId":"painScore","answer":[{"valueInteger":11}]}""") + "}]}");
        await PostAsync("no parameter", NextQuestion, """{"resourceType":"Parameters","parameter":[]}""");
        await PostAsync("entered in error", Triage, """{"resourceType":"QuestionnaireResponse","status":"entered-in-error"}""");

        // GuidanceResponses: an emergency, one in Spanish, a complete one.
        await PostAsync("triage emergency", Triage, BladderControlLoss());
        await PostAsync("triage emergency in Spanish", Triage, BladderControlLoss().Replace("/Questionnaire/spinetriage\"", "/Questionnaire/spinetriage-es\"", StringComparison.Ordinal));

        // A $next-question session to completed, every step (in Spanish from the Spanish canonical too), then its triage.
        foreach (var start in new[] { """{"resourceType":"QuestionnaireResponse","status":"in-progress","subject":{"reference":"Patient/example"}}""", """{"resourceType":"QuestionnaireResponse","status":"in-progress","language":"es"}""" })
        {
            var json = start;
            for (var step = 0; step < 80; step++)
            {
                json = await PostAsync($"next-question step {step}", NextQuestion, json);
                var response = Parse<QuestionnaireResponse>(json);
                if (response.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed)
                {
                    await PostAsync("triage of a completed session", Triage, json);
                    break;
                }

                var item = response.Contained.OfType<Questionnaire>().Single().Item[^1];
                response.Item.Add(SdcConformanceTests.Answer(item));
                json = Serialize(response);
            }
        }

        return served;
    }

    [Fact]
    public async Task Every_FHIR_body_the_server_answers_is_valid_against_the_official_R4_JSON_schema_and_keeps_every_HL7_invariant()
    {
        var checks = R4Checks.Shared;
        var served = await ServedAsync();

        var schemaErrors = served.Select(s => (s.Name, Errors: checks.SchemaErrors(s.Json))).Where(s => s.Errors.Count > 0).Select(s => s.Name + ": " + string.Join("; ", s.Errors)).ToList();
        var broken = new List<string>();
        var evaluations = 0;
        foreach (var (name, _, json) in served)
        {
            var (brokenHere, count) = checks.BrokenInvariants(Parse<Resource>(json));
            evaluations += count;
            broken.AddRange(brokenHere.Select(b => name + ": " + b));
        }

        schemaErrors.Should().BeEmpty();
        broken.Should().BeEmpty();
        var types = served.Select(s => Parse<Resource>(s.Json).TypeName).Distinct().ToList();
        types.Should().Contain(["CapabilityStatement", "Questionnaire", "CodeSystem", "ConceptMap", "PlanDefinition", "NamingSystem", "OperationDefinition", "Bundle", "OperationOutcome", "QuestionnaireResponse", "GuidanceResponse"]);
        served.Where(s => s.Status == HttpStatusCode.OK).Should().HaveCountGreaterThan(40);
        served.Select(s => s.Status).Should().Contain([HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge]);
        evaluations.Should().BeGreaterThan(5_000);
    }

    [Fact]
    public async Task A_broken_copy_of_a_served_OperationOutcome_and_CapabilityStatement_fails_the_checks()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        using var notFound = await client.GetAsync("/fhir/Questionnaire/other");
        var outcome = Parse<OperationOutcome>(await notFound.Content.ReadAsStringAsync());
        var capability = Parse<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata"));
        var checks = R4Checks.Shared;

        checks.SchemaErrors(R4Checks.Json(outcome)).Should().BeEmpty();
        checks.SchemaErrors(R4Checks.Changed(outcome, o => o["issue"]![0]!["severity"] = "fatal-ish")).Should().NotBeEmpty("a severity outside the required value set");
        checks.SchemaErrors(R4Checks.Changed(outcome, o => o.Remove("issue"))).Should().NotBeEmpty("an OperationOutcome needs an issue");
        checks.SchemaErrors(R4Checks.Json(capability)).Should().BeEmpty("4.0.1 is in HL7's FHIR-version code system");
        checks.SchemaErrors(R4Checks.Changed(capability, c => c["fhirVersion"] = "9.9.9")).Should().NotBeEmpty("a FHIR version HL7 does not define");
        checks.BrokenInvariants(capability).Broken.Should().BeEmpty();
        capability.Kind = CapabilityStatementKind.Requirements; // an instance-only element (implementation) on requirements
        checks.BrokenInvariants(capability).Broken.Should().Contain(b => b.StartsWith("cpb-", StringComparison.Ordinal));
    }
}
