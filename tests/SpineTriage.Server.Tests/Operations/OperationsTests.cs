using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SpineTriage.Server.Tests.CdsHooks;
using SpineTriage.Server.Tests.Fhir;

namespace SpineTriage.Server.Tests.Operations;

public sealed class OperationsTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_rate_limit_answers_429_past_its_permits_and_never_limits_health()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "2", ["RateLimit:WindowSeconds"] = "600" });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/questions");
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        using var limited = await client.GetAsync("/api/rules");
        limited.Headers.RetryAfter.Should().NotBeNull();
        (await limited.Content.ReadAsStringAsync()).Should().Contain("tooManyRequests");
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_permit_limit_of_0_turns_the_rate_limit_off()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "0", ["LoadTest:EnableFloor"] = "true" });
        using var client = factory.CreateClient();

        for (var i = 0; i < 700; i++)
        {
            using var response = await client.PostAsync("/api/floor", Json("{}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Metrics_count_triages_by_urgency_their_latency_and_errors_by_code()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var meterFactory = factory.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SpineTriage.Server" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var copy = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            lock (measurements)
            {
                measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
            }
        }

        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<double>(Record);
        listener.Start();

        (await client.PostAsync("/api/triage", Json(File.ReadAllText(Repository.PathOf("samples", "reports", "urgent-wound-bleeding.json"))))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/triage", Json("""{"painScore":11}"""))).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        measurements.Should().Contain(m => m.Instrument == "spinetriage.triages" && (string?)m.Tags["urgency"] == "urgent" && m.Value == 1);
        measurements.Should().Contain(m => m.Instrument == "spinetriage.triage.duration" && m.Value > 0);
        measurements.Should().Contain(m => m.Instrument == "spinetriage.errors" && (string?)m.Tags["code"] == "required");
        measurements.Should().Contain(m => m.Instrument == "spinetriage.errors" && (string?)m.Tags["code"] == "outOfRange");
    }

    [Fact]
    public async Task A_marker_in_report_ids_answers_and_feedback_reaches_no_log_line()
    {
        var marker = Marker.New();
        using var tokens = new Tokens();
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = tokens.Settings(folder);
        settings["LoadTest:EnableFloor"] = "true";
        using var factory = new ServerFactory(settings);
        using var client = factory.CreateClient();
        // Today by the service's own clock (its TimeProvider), not the machine's: a report 10 days after surgery.
        var surgery = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var valid = "{\"reportId\":\"" + marker + "\",\"surgeryDate\":\"" + surgery + "\",\"answers\":{\"woundBleeding\":\"yes\"}}";
        var invalid = "{\"reportId\":\"" + marker + "\",\"surgeryDate\":\"" + marker + "\",\"answers\":{\"" + marker + "\":\"yes\",\"fever\":\"" + marker + "\"}}";

        var responses = new List<HttpResponseMessage>
        {
            await client.PostAsync("/api/triage", Json(valid)),
            await client.PostAsync("/api/triage", Json(invalid)),
            await client.PostAsync("/api/triage", Json(marker)),
            await client.PostAsync("/api/interview/next", Json(valid)),
            await client.PostAsync("/api/interview/next", Json(invalid)),
            await client.PostAsync("/api/floor", Json(valid)),
        };
        foreach (var (body, path) in new[]
        {
            ("{\"hook\":\"patient-view\",\"hookInstance\":\"" + marker + "\",\"prefetch\":{\"questionnaireResponse\":{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + marker + "\"}}}", "/cds-services/spinetriage-post-op-spine"),
            ($$"""{"hook":"{{marker}}"}""", "/cds-services/spinetriage-post-op-spine"),
            ("{\"feedback\":[{\"card\":\"" + Guid.NewGuid() + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-29T10:00:00Z\",\"overrideReason\":{\"reason\":{\"code\":\"x\",\"system\":\"y\"},\"userComment\":\"" + marker + "\"}}]}", "/cds-services/spinetriage-post-op-spine/feedback"),
            ($$"""{"feedback":[{"card":"{{marker}}","outcome":"{{marker}}"}]}""", "/cds-services/spinetriage-post-op-spine/feedback"),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.Es384());
            responses.Add(await client.SendAsync(request));
        }

        // FHIR: the marker as the report's identifier, the subject, an unknown linkId, an answer string, a resource id.
        var validResponse = FhirResources.BladderControlLoss().Replace(
            "\"status\":\"completed\"",
            "\"id\":\"" + marker + "\",\"identifier\":{\"system\":\"http://example.org/fhir/spinetriage/NamingSystem/report-id\",\"value\":\"" + marker + "\"},\"status\":\"completed\"",
            StringComparison.Ordinal).Replace("Patient/example", "Patient/" + marker, StringComparison.Ordinal);
        var invalidResponse = FhirResources.BladderControlLoss(",{\"linkId\":\"" + marker + "\",\"answer\":[{\"valueString\":\"" + marker + "\"}]},{\"linkId\":\"painScore\",\"answer\":[{\"valueString\":\"" + marker + "\"}]}");
        var unreadable = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"" + marker + "\",\"" + marker + "\":1}";
        foreach (var (path, body) in new[]
        {
            ("/fhir/QuestionnaireResponse/$triage", validResponse),
            ("/fhir/QuestionnaireResponse/$triage", invalidResponse),
            ("/fhir/QuestionnaireResponse/$triage", unreadable),
            ("/fhir/Questionnaire/$next-question", validResponse),
            ("/fhir/Questionnaire/$next-question", invalidResponse),
            ("/fhir/Questionnaire/$next-question", unreadable),
        })
        {
            responses.Add(await client.PostAsync(path, FhirResources.Content(body)));
        }

        // The CDS Hooks service triages only a response of the patient in context (the unreadable one has none: passed over).
        foreach (var (resource, patient) in new[] { (validResponse, marker), (invalidResponse, "example"), (unreadable, marker) })
        {
            var call = "{\"hook\":\"patient-view\",\"hookInstance\":\"" + marker + "\",\"context\":{\"patientId\":\"" + patient + "\"},\"prefetch\":{\"questionnaireResponse\":" + resource + "}}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/spinetriage-post-op-spine") { Content = Json(call) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.Es384());
            responses.Add(await client.SendAsync(request));
        }

        responses.Select(r => (int)r.StatusCode).Should().Equal(200, 400, 400, 200, 400, 200, 400, 400, 200, 400, 200, 400, 400, 200, 400, 400, 200, 400, 200);
        (await responses[10].Content.ReadAsStringAsync()).Should().Contain(marker, "the GuidanceResponse names the report and subject to its caller");
        (await responses[0].Content.ReadAsStringAsync()).Should().Contain(marker, "the result echoes the report id to its caller");
        factory.Logs.Should().NotBeEmpty();
        factory.Logs.Should().NotContain(l => l.Contains(marker, StringComparison.Ordinal));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_service_answers_on_real_Kestrel_on_a_random_loopback_port_and_stops_gracefully()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Audit:Path", Path.Combine(folder, "a.jsonl"), "--Audit:FeedbackPath", Path.Combine(folder, "f.jsonl")]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            address.Should().StartWith("http://127.0.0.1:");
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var live = await client.GetAsync("/health/live");
            using var triage = await client.PostAsync("/api/triage", Json(File.ReadAllText(Repository.PathOf("samples", "reports", "emergency-neck-swelling-airway.json"))));
            using var big = await client.PostAsync("/api/triage", new ByteArrayContent(new byte[(1024 * 1024) + 1]));

            live.StatusCode.Should().Be(HttpStatusCode.OK);
            triage.StatusCode.Should().Be(HttpStatusCode.OK);
            (await triage.Content.ReadAsStringAsync()).Should().Contain("\"urgency\":\"emergency\"");
            big.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        File.ReadAllLines(Path.Combine(folder, "a.jsonl")).Should().ContainSingle("the audit log is flushed and closed on shutdown");
        Directory.Delete(folder, recursive: true);
    }
}
