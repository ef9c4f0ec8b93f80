using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;

namespace SpineTriage.Server.Tests.CdsHooks;

public sealed class CdsHooksTests : IDisposable
{
    private const string Service = "/cds-services/spinetriage-post-op-spine";
    private readonly Tokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    private static string Call(string? questionnaireResponse = null) => $$"""
        {"hook":"patient-view","hookInstance":"{{Guid.NewGuid()}}","context":{"userId":"Practitioner/1","patientId":"1"}{{(questionnaireResponse is null ? "" : ",\"prefetch\":{\"questionnaireResponse\":" + questionnaireResponse + "}")}}}
        """;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string body, string path = Service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    private ServerFactory Trusting(Dictionary<string, string?>? more = null, string environment = "Production")
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = _tokens.Settings(folder);
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new ServerFactory(settings, environment);
    }

    [Fact]
    public async Task Discovery_is_public_and_names_the_service_hook_and_prefetch()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/cds-services"));

        var service = discovery.RootElement.GetProperty("services")[0];
        service.GetProperty("id").GetString().Should().Be("spinetriage-post-op-spine");
        service.GetProperty("hook").GetString().Should().Be("patient-view");
        service.GetProperty("prefetch").GetProperty("questionnaireResponse").GetString().Should().Contain("{{context.patientId}}");
    }

    [Fact]
    public async Task A_valid_ES384_token_is_accepted_and_nothing_to_triage_gives_no_card()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"cards":[]}""");
    }

    [Fact]
    public async Task A_valid_RS384_token_is_accepted()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Rs384(), Call());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_trusted_issuer_every_service_call_is_refused()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("noTrustedIssuer");
    }

    public static TheoryData<string> Refusals => new()
    {
        "missing", "expired", "notYetValid", "wrongAudience", "unknownIssuer", "wrongKey", "hmac", "none", "missingJti", "missingExp", "garbage",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_with_401(string kind)
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var now = DateTime.UtcNow;
        var (token, code) = kind switch
        {
            "missing" => ((string?)null, "missingToken"),
            "expired" => (_tokens.Es384(expires: now.AddMinutes(-10), issuedAt: now.AddMinutes(-15)), "expired"),
            "notYetValid" => (_tokens.Es384(expires: now.AddMinutes(20), issuedAt: now.AddMinutes(10)), "notYetValid"),
            "wrongAudience" => (_tokens.Es384(audience: "https://other.example.org/cds-services/spinetriage-post-op-spine"), "wrongAudience"),
            "unknownIssuer" => (_tokens.Es384(issuer: "https://intruder.example.org"), "untrustedIssuer"),
            "wrongKey" => (Tokens.WrongKey(), "badSignature"),
            "hmac" => (Tokens.Hmac(), "algorithmNotAllowed"),
            "none" => (Tokens.None(), "algorithmNotAllowed"),
            "missingJti" => (_tokens.Es384(withJti: false), "missingJti"),
            "missingExp" => (_tokens.Es384(withExp: false), "missingExp"),
            _ => ("not.a.token", "malformedToken"),
        };

        using var response = await PostAsync(client, token, Call());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"code\":\"{code}\"");
    }

    [Fact]
    public async Task A_replayed_jti_is_refused()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var token = _tokens.Es384();

        using var first = await PostAsync(client, token, Call());
        using var again = await PostAsync(client, token, Call());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await again.Content.ReadAsStringAsync()).Should().Contain("replayedJti");
    }

    [Fact]
    public async Task The_audience_follows_the_public_base_url()
    {
        using var factory = Trusting(new() { ["CdsHooks:PublicBaseUrl"] = "https://gateway.example.net/triage/" });
        using var client = factory.CreateClient();

        using var wrong = await PostAsync(client, _tokens.Es384(), Call());
        using var right = await PostAsync(client, _tokens.Es384(audience: "https://gateway.example.net/triage/cds-services/spinetriage-post-op-spine"), Call());

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RequireJwt_false_is_honoured_in_Development_with_a_warning_and_ignored_in_Production()
    {
        var off = new Dictionary<string, string?> { ["CdsHooks:RequireJwt"] = "false" };
        using var development = new ServerFactory(off, environment: "Development");
        using var production = new ServerFactory(off);

        using var open = await PostAsync(development.CreateClient(), null, Call());
        using var closed = await PostAsync(production.CreateClient(), null, Call());

        open.StatusCode.Should().Be(HttpStatusCode.OK);
        development.Logs.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("WITHOUT a token", StringComparison.Ordinal));
        closed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        production.Logs.Should().Contain(l => l.Contains("ignored outside Development", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prefetched_response_is_not_answered_with_a_card_until_FHIR_is_connected()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call("""{"resourceType":"QuestionnaireResponse","status":"completed"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.NotImplemented);
        (await response.Content.ReadAsStringAsync()).Should().Contain("fhirUnavailable");
    }

    [Fact]
    public async Task A_call_for_another_hook_or_without_hookInstance_is_a_400_listing_both()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), """{"hook":"order-sign"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("$.hook").And.Contain("$.hookInstance");
    }

    [Fact]
    public async Task An_unknown_service_is_404()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call(), "/cds-services/other");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feedback_needs_a_token_and_is_recorded_without_the_user_comment()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var card = Guid.NewGuid();
        var feedback = $$$"""
            {"feedback":[{"card":"{{{card}}}","outcome":"overridden","outcomeTimestamp":"2026-11-29T10:00:00Z",
              "overrideReason":{"reason":{"code":"patient-seen","system":"https://spinetriage.example/override"},"userComment":"secret comment"}}]}
            """;

        using var refused = await PostAsync(client, null, feedback, Service + "/feedback");
        using var accepted = await PostAsync(client, _tokens.Es384(), feedback, Service + "/feedback");
        using var invalid = await PostAsync(client, _tokens.Es384(), """{"feedback":[{"card":"x","outcome":"maybe"}]}""", Service + "/feedback");

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("$.feedback[0].card").And.Contain("$.feedback[0].outcome").And.Contain("$.feedback[0].outcomeTimestamp");
        var line = factory.FeedbackLines.Should().ContainSingle().Subject;
        line.Should().Contain(card.ToString()).And.Contain("overridden").And.Contain("patient-seen").And.Contain("\"hadUserComment\":true");
        line.Should().NotContain("secret comment");
    }
}
