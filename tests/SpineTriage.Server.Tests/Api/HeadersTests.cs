using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using SpineTriage.Server.Tests.CdsHooks;
using SpineTriage.Server.Tests.Fhir;

namespace SpineTriage.Server.Tests.Api;

/// <summary>Headers of every answer, and what answers in Production.</summary>
public sealed class HeadersTests : IDisposable
{
    private const string Call = "/cds-services/spinetriage-post-op-spine";
    private readonly Tokens _tokens = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));

    public HeadersTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _tokens.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Every_API_FHIR_and_CDS_Hooks_answer_success_or_error_carries_no_store_and_nosniff()
    {
        var settings = _tokens.Settings(_folder);
        settings["RateLimit:PermitLimit"] = "40";
        using var factory = new ServerFactory(settings);
        using var client = factory.CreateClient();
        var report = File.ReadAllText(Repository.PathOf("samples", "reports", "urgent-wound-bleeding.json"));
        HttpRequestMessage Cds(string path, string body, bool token = true)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
            if (token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Es384());
            }

            return request;
        }

        var responses = new List<HttpResponseMessage>
        {
            await client.GetAsync("/api/questions"),
            await client.GetAsync("/api/rules"),
            await client.PostAsync("/api/triage", Json(report)),
            await client.PostAsync("/api/triage", Json("[]")),
            await client.PostAsync("/api/interview/next", Json(report)),
            await client.GetAsync("/fhir/metadata"),
            await client.GetAsync("/fhir/Questionnaire/spinetriage"),
            await client.GetAsync("/fhir/CodeSystem/none"),
            await client.PostAsync("/fhir/QuestionnaireResponse/$triage", FhirResources.Content(FhirResources.BladderControlLoss())),
            await client.PostAsync("/fhir/Questionnaire/$next-question", FhirResources.Content("{}")),
            await client.GetAsync("/cds-services"),
            await client.SendAsync(Cds(Call, "{\"hook\":\"patient-view\",\"hookInstance\":\"" + Guid.NewGuid() + "\",\"prefetch\":{\"questionnaireResponse\":" + FhirResources.BladderControlLoss() + "}}")),
            await client.SendAsync(Cds(Call, "{}", token: false)),
            await client.SendAsync(Cds(Call + "/feedback", "{\"feedback\":[{\"card\":\"" + Guid.NewGuid() + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-29T10:00:00Z\"}]}")),
            await client.GetAsync("/openapi/v1.json"),
            await client.GetAsync("/health/ready"),
            await client.GetAsync("/nothing"),
            await client.DeleteAsync("/api/triage"),
        };
        for (var i = responses.Count; i < 45; i++)
        {
            responses.Add(await client.GetAsync("/api/questions"));
        }

        responses.Select(r => (int)r.StatusCode).Should().Contain([200, 400, 401, 404, 405, 429]);
        foreach (var response in responses)
        {
            response.Headers.CacheControl!.NoStore.Should().BeTrue(response.RequestMessage!.RequestUri!.ToString());
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], response.RequestMessage!.RequestUri!.ToString());
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("Production", null, HttpStatusCode.NotFound)]
    [InlineData("Production", "false", HttpStatusCode.NotFound)]
    [InlineData("Staging", null, HttpStatusCode.NotFound)]
    [InlineData("Production", "true", HttpStatusCode.OK)]
    [InlineData("Development", null, HttpStatusCode.OK)]
    public async Task The_load_test_floor_answers_only_in_Development_or_with_LoadTest_EnableFloor(string environment, string? enabled, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?>();
        if (enabled is not null)
        {
            settings["LoadTest:EnableFloor"] = enabled;
        }

        using var factory = new ServerFactory(settings, environment);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/floor", Json("{}"));

        response.StatusCode.Should().Be(expected);
    }
}
