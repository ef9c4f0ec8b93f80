using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SpineTriage.Server.Tests.Fhir;

namespace SpineTriage.Server.Tests.CdsHooks;

/// <summary>The patient-view service as a chart uses it: which response is triaged, what the card says, where responses come from.</summary>
public sealed class PatientViewTests : IDisposable
{
    private const string Service = "/cds-services/spinetriage-post-op-spine";
    private const string Canonical = "http://example.org/fhir/spinetriage/Questionnaire/spinetriage";
    private const string SpanishCanonical = "http://example.org/fhir/spinetriage/Questionnaire/spinetriage-es";
    private readonly Tokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    private static string Instant(TimeSpan ago) => DateTimeOffset.UtcNow.Add(-ago).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A completed response reporting loss of bladder control (an emergency), with the given header fields.</summary>
    private static string Emergency(TimeSpan ago, string patient = "Patient/example", string questionnaire = Canonical, string more = "", string id = "qr-emergency", int surgeryDaysAgo = 10) => $$$"""
        {"resourceType":"QuestionnaireResponse","id":"{{{id}}}","status":"completed","questionnaire":"{{{questionnaire}}}","subject":{"reference":"{{{patient}}}"},"authored":"{{{Instant(ago)}}}"{{{more}}},
         "item":[
          {"linkId":"surgeryDate","answer":[{"valueDate":"{{{FhirResources.Today(-surgeryDaysAgo)}}}"}]},
          {"linkId":"bladderOrBowelControlLoss","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA33-6"}}]}
         ]}
        """;

    /// <summary>A completed response that only gives the surgery date (nothing alarming).</summary>
    private static string Quiet(TimeSpan ago, string id = "qr-quiet") => $$$"""
        {"resourceType":"QuestionnaireResponse","id":"{{{id}}}","status":"completed","questionnaire":"{{{Canonical}}}","subject":{"reference":"Patient/example"},"authored":"{{{Instant(ago)}}}",
         "item":[{"linkId":"surgeryDate","answer":[{"valueDate":"{{{FhirResources.Today(-10)}}}"}]},
                 {"linkId":"bladderOrBowelControlLoss","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA32-8"}}]}]}
        """;

    private static string Bundle(params string[] resources) =>
        $$"""{"resourceType":"Bundle","type":"searchset","entry":[{{string.Join(",", resources.Select(r => "{\"resource\":" + r + "}"))}}]}""";

    private static string Call(string? prefetched, string more = "") => $$"""
        {"hook":"patient-view","hookInstance":"{{Guid.NewGuid()}}","context":{"userId":"Practitioner/1","patientId":"example"}{{(prefetched is null ? "" : ",\"prefetch\":{\"questionnaireResponse\":" + prefetched + "}")}}{{more}}}
        """;

    private ServerFactory Trusting(Dictionary<string, string?>? more = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = _tokens.Settings(folder);
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new ServerFactory(settings);
    }

    private async Task<(HttpStatusCode Status, JsonDocument Body)> PostAsync(ServerFactory factory, string body)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Es384());
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static List<JsonElement> Cards(JsonDocument body) => [.. body.RootElement.GetProperty("cards").EnumerateArray()];

    private static string Topic(JsonElement card) => card.GetProperty("source").GetProperty("topic").GetProperty("code").GetString()!;

    private static List<(string? Path, string? Code)> Errors(JsonDocument problem) =>
        [.. problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("code").GetString()))];

    [Fact]
    public async Task Discovery_prefetches_only_completed_responses_to_this_questionnaire_in_every_language()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/cds-services"));

        var template = discovery.RootElement.GetProperty("services")[0].GetProperty("prefetch").GetProperty("questionnaireResponse").GetString()!;
        template.Should().StartWith("QuestionnaireResponse?subject=Patient/{{context.patientId}}")
            .And.Contain("&questionnaire=" + Uri.EscapeDataString(Canonical) + "," + Uri.EscapeDataString(SpanishCanonical) + "&")
            .And.Contain("status=completed").And.Contain("_sort=-authored");
    }

    [Fact]
    public async Task A_response_to_the_spanish_questionnaire_is_triaged_like_one_to_the_english_and_another_form_is_passed_over()
    {
        using var factory = Trusting();

        var (status, body) = await PostAsync(factory, Call(Emergency(TimeSpan.FromHours(2), questionnaire: SpanishCanonical)));
        var (otherStatus, other) = await PostAsync(factory, Call(Emergency(TimeSpan.FromHours(2), questionnaire: "http://example.org/fhir/spinetriage/Questionnaire/spinetriage-fr")));

        status.Should().Be(HttpStatusCode.OK);
        Topic(Cards(body).Single()).Should().Be("emergency");
        otherStatus.Should().Be(HttpStatusCode.OK);
        Cards(other).Should().BeEmpty("a form that is not ours is passed over, never an error");
    }

    [Fact]
    public async Task A_recent_emergency_card_is_worded_for_the_clinician_dated_linked_to_the_rule_and_suggests_the_ServiceRequest()
    {
        using var factory = Trusting();
        var authored = DateTimeOffset.UtcNow.AddHours(-2);

        var (status, body) = await PostAsync(factory, Call(Emergency(TimeSpan.FromHours(2))));

        status.Should().Be(HttpStatusCode.OK);
        var card = Cards(body).Should().ContainSingle().Subject;
        card.GetProperty("indicator").GetString().Should().Be("critical");
        var date = authored.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        card.GetProperty("summary").GetString().Should().Contain(date);
        card.GetProperty("summary").GetString()!.Length.Should().BeLessThan(140);
        var detail = card.GetProperty("detail").GetString()!;
        detail.Should().Contain(date).And.Contain("Rationale").And.NotContain("Care advice").And.NotContain("Safety net");
        var links = card.GetProperty("links").EnumerateArray().ToList();
        links.Should().OnlyContain(l => l.GetProperty("type").GetString() == "absolute" && l.GetProperty("url").GetString()!.StartsWith(ServerFactory.PublicBaseUrl + "/api/rules#", StringComparison.Ordinal));
        links.Select(l => l.GetProperty("url").GetString()).Should().Contain(ServerFactory.PublicBaseUrl + "/api/rules#cauda-equina");
        card.GetProperty("selectionBehavior").GetString().Should().Be("any");
        var action = card.GetProperty("suggestions").EnumerateArray().Should().ContainSingle().Subject.GetProperty("actions").EnumerateArray().Should().ContainSingle().Subject;
        action.GetProperty("type").GetString().Should().Be("create");
        var resource = action.GetProperty("resource");
        resource.GetProperty("resourceType").GetString().Should().Be("ServiceRequest");
        resource.GetProperty("subject").GetProperty("reference").GetString().Should().Be("Patient/example");
        resource.GetProperty("reasonReference")[0].GetProperty("reference").GetString().Should().Be("QuestionnaireResponse/qr-emergency");
        resource.TryGetProperty("id", out _).Should().BeFalse("the EHR gives the id of what it creates");
        factory.AuditLines.Should().ContainSingle();
    }

    [Fact]
    public async Task A_stale_emergency_response_gives_an_info_card_with_its_date_and_is_not_triaged()
    {
        using var factory = Trusting();
        var authored = DateTimeOffset.UtcNow.AddDays(-30);

        var (status, body) = await PostAsync(factory, Call(Emergency(TimeSpan.FromDays(30))));

        status.Should().Be(HttpStatusCode.OK);
        var card = Cards(body).Should().ContainSingle().Subject;
        card.GetProperty("indicator").GetString().Should().Be("info");
        card.GetProperty("summary").GetString().Should().Contain(authored.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).And.Contain("not triaged");
        card.GetProperty("source").TryGetProperty("topic", out _).Should().BeFalse("a response not triaged has no urgency");
        card.TryGetProperty("suggestions", out _).Should().BeFalse();
        factory.AuditLines.Should().BeEmpty("nothing was triaged");
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        using var factory = Trusting(new() { ["CdsHooks:ResponseWindowDays"] = "40" });

        var (_, body) = await PostAsync(factory, Call(Emergency(TimeSpan.FromDays(30), surgeryDaysAgo: 40)));

        Topic(Cards(body).Single()).Should().Be("emergency");
    }

    [Fact]
    public async Task A_response_dated_after_now_is_not_triaged()
    {
        using var factory = Trusting();

        var (_, body) = await PostAsync(factory, Call(Emergency(TimeSpan.FromDays(-2))));

        Cards(body).Single().GetProperty("indicator").GetString().Should().Be("info");
    }

    public static TheoryData<string> Others => new()
    {
        "another patient", "another form", "no authored", "in progress",
    };

    [Theory]
    [MemberData(nameof(Others))]
    public async Task A_response_of_another_patient_or_form_or_undated_or_unfinished_gives_no_card_and_no_error(string kind)
    {
        using var factory = Trusting();
        var resource = kind switch
        {
            "another patient" => Emergency(TimeSpan.FromHours(1), patient: "Patient/someone-else"),
            "another form" => Emergency(TimeSpan.FromHours(1), questionnaire: "http://loinc.org/q/44249-1") // a PHQ-9
                .Replace("\"linkId\":\"bladderOrBowelControlLoss\"", "\"linkId\":\"/44250-9\"", StringComparison.Ordinal),
            "no authored" => System.Text.RegularExpressions.Regex.Replace(Emergency(TimeSpan.FromHours(1)), "\"authored\":\"[^\"]*\"", "\"language\":\"en\""),
            _ => Emergency(TimeSpan.FromHours(1)).Replace("\"completed\"", "\"in-progress\"", StringComparison.Ordinal),
        };

        var (status, body) = await PostAsync(factory, Call(Bundle(resource)));

        status.Should().Be(HttpStatusCode.OK);
        Cards(body).Should().BeEmpty();
        factory.AuditLines.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_response_of_the_Bundle_is_considered_and_the_most_recent_is_triaged()
    {
        using var factory = Trusting();

        var (_, newestLast) = await PostAsync(factory, Call(Bundle(Quiet(TimeSpan.FromDays(3)), Emergency(TimeSpan.FromHours(1)))));
        var (_, newestFirst) = await PostAsync(factory, Call(Bundle(Quiet(TimeSpan.FromHours(1)), Emergency(TimeSpan.FromDays(3)))));
        var (_, othersAround) = await PostAsync(factory, Call(Bundle(
            Emergency(TimeSpan.FromMinutes(5), patient: "Patient/someone-else", id: "other"),
            Quiet(TimeSpan.FromDays(2)),
            Emergency(TimeSpan.FromHours(1)))));

        Topic(Cards(newestLast).Single()).Should().Be("emergency");
        Topic(Cards(newestFirst).Single()).Should().NotBe("emergency");
        Topic(Cards(othersAround).Single()).Should().Be("emergency");
    }

    [Fact]
    public async Task An_EHR_identifier_on_the_response_is_accepted_and_ignored()
    {
        using var factory = Trusting();
        var resource = Emergency(TimeSpan.FromHours(1), more: ""","identifier":{"system":"urn:oid:1.2.3.4.5","value":"ehr-123"}""");

        var (status, body) = await PostAsync(factory, Call(resource));

        status.Should().Be(HttpStatusCode.OK);
        Topic(Cards(body).Single()).Should().Be("emergency");
    }

    [Fact]
    public async Task Without_prefetch_and_without_fhirServer_the_call_is_412()
    {
        using var factory = Trusting();

        var (status, body) = await PostAsync(factory, Call(null));
        var (nullStatus, _) = await PostAsync(factory, Call("null"));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        nullStatus.Should().Be(HttpStatusCode.PreconditionFailed);
        Errors(body).Should().Contain(("$", "prefetchRequired"));
    }

    public static TheoryData<string, string> Duplicates => new()
    {
        { "prefetch", "$.prefetch" },
        { "questionnaireResponse", "$.prefetch.questionnaireResponse" },
    };

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task A_key_given_twice_in_the_request_or_its_prefetch_is_refused(string key, string path)
    {
        using var factory = Trusting();
        var body = key == "prefetch"
            ? Call(Emergency(TimeSpan.FromHours(1)), ",\"prefetch\":{}")
            : Call(Emergency(TimeSpan.FromHours(1)))[..^2] + ",\"questionnaireResponse\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}}}";

        var (status, problem) = await PostAsync(factory, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        Errors(problem).Should().Contain((path, "duplicateKey"));
        factory.AuditLines.Should().BeEmpty();
    }

    [Fact]
    public async Task A_temperature_with_more_places_than_a_thermometer_shows_is_refused_not_rounded_to_a_fever()
    {
        using var factory = Trusting();
        var fever = """,{"linkId":"temperature","answer":[{"valueQuantity":{"value":37.99999999999999999999999999999,"unit":"°C","system":"http://unitsofmeasure.org","code":"Cel"}}]}""";
        var resource = Quiet(TimeSpan.FromHours(1)).Replace("]}]}", "]}" + fever + "]}", StringComparison.Ordinal);

        var (status, problem) = await PostAsync(factory, Call(Bundle(resource)));

        status.Should().Be(HttpStatusCode.BadRequest);
        Errors(problem).Should().Contain(("temperature", "tooPrecise"));
        factory.AuditLines.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_prefetch_the_responses_are_fetched_from_the_FHIR_server_configured_for_the_issuer_with_its_token()
    {
        await using var ehr = await FakeFhirServer.StartAsync(Bundle(Emergency(TimeSpan.FromHours(1))));
        using var factory = Trusting(new() { ["CdsHooks:TrustedIssuers:0:FhirServer"] = ehr.BaseUrl });

        var (status, body) = await PostAsync(factory, Call(null, $$""","fhirServer":"{{ehr.BaseUrl}}","fhirAuthorization":{"access_token":"ehr-token-1","token_type":"Bearer","expires_in":300,"scope":"patient/QuestionnaireResponse.read","subject":"spinetriage"}"""));

        status.Should().Be(HttpStatusCode.OK);
        Topic(Cards(body).Single()).Should().Be("emergency");
        var (query, authorization) = ehr.Requests.Should().ContainSingle().Subject;
        authorization.Should().Be("Bearer ehr-token-1");
        query.Should().Contain("subject=Patient/example").And.Contain("questionnaire=" + Canonical + "," + SpanishCanonical + "&").And.Contain("status=completed");
    }

    public static TheoryData<string> Untrusted => new() { "another server", "no server configured" };

    [Theory]
    [MemberData(nameof(Untrusted))]
    public async Task A_fhirServer_other_than_the_one_configured_for_the_issuer_is_never_contacted_412(string kind)
    {
        await using var ehr = await FakeFhirServer.StartAsync(Bundle(Emergency(TimeSpan.FromHours(1))));
        using var factory = kind == "another server"
            ? Trusting(new() { ["CdsHooks:TrustedIssuers:0:FhirServer"] = "https://fhir.ehr.example.org/r4" })
            : Trusting();

        var (status, body) = await PostAsync(factory, Call(null, $$""","fhirServer":"{{ehr.BaseUrl}}","fhirAuthorization":{"access_token":"ehr-token-1","token_type":"Bearer"}"""));

        status.Should().Be(HttpStatusCode.PreconditionFailed);
        Errors(body).Should().Contain(("$", "untrustedFhirServer"));
        ehr.Requests.Should().BeEmpty("an address of the caller's choosing is never called");
    }

    /// <summary>An EHR's FHIR server on loopback that answers every QuestionnaireResponse search with one Bundle and records the requests.</summary>
    private sealed class FakeFhirServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeFhirServer(WebApplication app, string baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public ConcurrentQueue<(string Query, string Authorization)> Requests { get; } = new();

        public static async Task<FakeFhirServer> StartAsync(string bundle)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            FakeFhirServer? server = null;
            app.MapGet("/r4/QuestionnaireResponse", (HttpContext context) =>
            {
                server!.Requests.Enqueue((Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""), context.Request.Headers.Authorization.ToString()));
                return Microsoft.AspNetCore.Http.Results.Text(bundle, "application/fhir+json");
            });
            await app.StartAsync();
            server = new FakeFhirServer(app, app.Urls.Single() + "/r4");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
