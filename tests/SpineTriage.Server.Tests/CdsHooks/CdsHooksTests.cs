using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineTriage.Server.Tests.Fhir;

namespace SpineTriage.Server.Tests.CdsHooks;

public sealed class CdsHooksTests : IDisposable
{
    private const string Service = "/cds-services/spinetriage-post-op-spine";
    private readonly Tokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    // Nothing prefetched is an empty search result (no prefetch at all is 412: see PatientViewTests).
    private static string Call(string questionnaireResponse = """{"resourceType":"Bundle","type":"searchset"}""") =>
        $$"""{"hook":"patient-view","hookInstance":"{{Guid.NewGuid()}}","context":{"userId":"Practitioner/1","patientId":"example"},"prefetch":{"questionnaireResponse":""" + questionnaireResponse + "}}";

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

    /// <summary>Asserts a 401 answering only <c>invalidToken</c>, and the precise reason in a debug log line.</summary>
    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, ServerFactory factory, string reason)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("\"code\":\"invalidToken\"");
        body.Should().NotContain(reason, "the answer never says why a token was refused (which issuers are trusted, which check failed)");
        factory.Logs.Should().Contain(l => l.StartsWith("Debug SpineTriage.Server.CdsHooks.CdsJwtValidator: Refused a CDS Hooks token: " + reason + " |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_trusted_issuer_every_service_call_is_refused()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call());

        await ShouldBeRefusedAsync(response, factory, "noTrustedIssuer");
    }

    public static TheoryData<string> Refusals => new()
    {
        "missing", "expired", "notYetValid", "wrongAudience", "unknownIssuer", "wrongKey", "hmac", "none", "missingJti", "missingExp", "garbage",
        "tenYears", "stringExp", "fractionalIat", "stringNbf", "audienceWithTrailingSlash", "audienceOfFeedback", "audienceArrayOfOthers",
        "missingKid", "unknownKid", "wrongTyp", "crit", "claimTwice", "headerTwice", "expBeforeIat",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_with_one_401_reason_and_the_precise_reason_logged_at_debug(string kind)
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var now = DateTime.UtcNow;
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (token, reason) = kind switch
        {
            "missing" => ((string?)null, "missingToken"),
            "expired" => (_tokens.Es384(expires: now.AddMinutes(-10), issuedAt: now.AddMinutes(-14)), "expired"),
            "notYetValid" => (_tokens.Es384(expires: now.AddMinutes(14), issuedAt: now.AddMinutes(10)), "notYetValid"),
            "wrongAudience" => (_tokens.Es384(audience: "https://other.example.org/cds-services/spinetriage-post-op-spine"), "wrongAudience"),
            "unknownIssuer" => (_tokens.Es384(issuer: "https://intruder.example.org"), "untrustedIssuer"),
            "wrongKey" => (Tokens.WrongKey(), "badSignature"),
            "hmac" => (Tokens.Hmac(), "algorithmNotAllowed"),
            "none" => (Tokens.None(), "algorithmNotAllowed"),
            "missingJti" => (_tokens.Es384(withJti: false), "missingJti"),
            "missingExp" => (_tokens.Es384(withExp: false), "missingExp"),
            "tenYears" => (_tokens.Es384(expires: now.AddYears(10)), "lifetimeTooLong"),
            "stringExp" => (_tokens.Raw(Tokens.Header(), Tokens.Claims(seconds).Replace($"\"exp\":{seconds + 240}", $"\"exp\":\"{seconds + 240}\"", StringComparison.Ordinal)), "nonNumericDate"),
            "fractionalIat" => (_tokens.Raw(Tokens.Header(), Tokens.Claims(seconds).Replace($"\"iat\":{seconds}", $"\"iat\":{seconds}.5", StringComparison.Ordinal)), "nonNumericDate"),
            "stringNbf" => (_tokens.Raw(Tokens.Header(), Tokens.Claims(more: $",\"nbf\":\"{seconds}\"")), "nonNumericDate"),
            "audienceWithTrailingSlash" => (_tokens.Es384(audience: ServerFactory.Audience + "/"), "wrongAudience"),
            "audienceOfFeedback" => (_tokens.Es384(audience: ServerFactory.Audience + "/feedback"), "wrongAudience"),
            "audienceArrayOfOthers" => (_tokens.Raw(Tokens.Header(), Tokens.Claims().Replace($"\"aud\":\"{ServerFactory.Audience}\"", $"\"aud\":[\"{ServerFactory.Audience}/\",\"{ServerFactory.Audience.ToUpperInvariant()}\"]", StringComparison.Ordinal)), "wrongAudience"),
            "missingKid" => (_tokens.Raw("""{"alg":"ES384","typ":"JWT"}""", Tokens.Claims()), "missingKid"),
            "unknownKid" => (_tokens.Raw(Tokens.Header(kid: "ec-2"), Tokens.Claims()), "unknownKid"),
            "wrongTyp" => (_tokens.Raw(Tokens.Header().Replace("\"JWT\"", "\"dpop+jwt\"", StringComparison.Ordinal), Tokens.Claims()), "wrongTyp"),
            "crit" => (_tokens.Raw(Tokens.Header(""","crit":["exp-ext"],"exp-ext":1"""), Tokens.Claims()), "unsupportedCrit"),
            "claimTwice" => (_tokens.Raw(Tokens.Header(), Tokens.Claims(more: ",\"aud\":\"https://other.example.org/\"")), "malformedToken"),
            "headerTwice" => (_tokens.Raw(Tokens.Header(",\"alg\":\"none\""), Tokens.Claims()), "malformedToken"),
            "expBeforeIat" => (_tokens.Raw(Tokens.Header(), Tokens.Claims(lifetime: -60)), "lifetimeTooLong"),
            _ => ("not.a.token", "malformedToken"),
        };

        using var response = await PostAsync(client, token, Call());

        await ShouldBeRefusedAsync(response, factory, reason);
        var tail = token is { Length: > 40 } ? token[^32..] : null;
        factory.Logs.Should().NotContain(l => tail != null && l.Contains(tail, StringComparison.Ordinal), "the token is never logged");
    }

    [Fact]
    public async Task A_token_built_by_hand_like_the_refused_ones_but_well_formed_is_accepted()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Raw(Tokens.Header(), Tokens.Claims()), Call());
        using var lowerTyp = await PostAsync(client, _tokens.Raw(Tokens.Header().Replace("\"JWT\"", "\"jwt\"", StringComparison.Ordinal), Tokens.Claims()), Call());
        using var noTyp = await PostAsync(client, _tokens.Raw("""{"alg":"ES384","kid":"ec-1"}""", Tokens.Claims()), Call());
        using var audienceArray = await PostAsync(client, _tokens.Raw(Tokens.Header(), Tokens.Claims().Replace($"\"aud\":\"{ServerFactory.Audience}\"", $"\"aud\":[\"https://other.example.org\",\"{ServerFactory.Audience}\"]", StringComparison.Ordinal)), Call());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        lowerTyp.StatusCode.Should().Be(HttpStatusCode.OK, "typ is a media type, compared without case");
        noTyp.StatusCode.Should().Be(HttpStatusCode.OK, "typ is checked when present");
        audienceArray.StatusCode.Should().Be(HttpStatusCode.OK, "an aud array is accepted when one of its values is exactly the endpoint's URL");
    }

    // The limit is inclusive: exp - iat equal to it is accepted, one second more is refused, whatever the limit.
    [Theory]
    [InlineData(null, 300, true)]
    [InlineData(null, 301, false)]
    [InlineData("60", 60, true)]
    [InlineData("60", 61, false)]
    [InlineData("3600", 3600, true)]
    public async Task The_token_lifetime_is_at_most_MaxTokenLifetimeSeconds_inclusive(string? limit, long lifetime, bool accepted)
    {
        using var factory = Trusting(limit is null ? null : new() { ["CdsHooks:MaxTokenLifetimeSeconds"] = limit });
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Raw(Tokens.Header(), Tokens.Claims(lifetime: lifetime)), Call());

        if (accepted)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        else
        {
            await ShouldBeRefusedAsync(response, factory, "lifetimeTooLong");
        }
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
        await ShouldBeRefusedAsync(again, factory, "replayedJti");
    }

    [Fact]
    public async Task A_jti_is_remembered_until_exp_plus_the_skew_and_a_full_memory_takes_tokens_again_once_they_have_expired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var trusting = Trusting(new() { ["CdsHooks:MaxRememberedTokens"] = "1", ["CdsHooks:ClockSkewSeconds"] = "30" });
        using var factory = trusting.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = factory.CreateClient();
        var issued = clock.GetUtcNow().ToUnixTimeSeconds();
        var first = _tokens.Raw(Tokens.Header(), Tokens.Claims(issued, lifetime: 60));

        using var accepted = await PostAsync(client, first, Call());
        using var full = await PostAsync(client, _tokens.Raw(Tokens.Header(), Tokens.Claims(issued)), Call());
        clock.Advance(TimeSpan.FromSeconds(60 + 20)); // past exp, within the skew: the first token is still acceptable
        using var replay = await PostAsync(client, first, Call());
        clock.Advance(TimeSpan.FromSeconds(11)); // past exp + skew: the first token is refused anyway and forgotten
        using var later = await PostAsync(client, _tokens.Raw(Tokens.Header(), Tokens.Claims(clock.GetUtcNow().ToUnixTimeSeconds())), Call());

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        full.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the memory is full of a live token: fail closed");
        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token is remembered for as long as it can be accepted");
        later.StatusCode.Should().Be(HttpStatusCode.OK, "with the lifetime bounded, a full memory frees itself within the lifetime plus the skew");
    }

    [Fact]
    public async Task Outside_Development_a_trusted_issuer_without_PublicBaseUrl_stops_the_start_and_in_Development_the_Host_header_is_the_audience_with_a_warning()
    {
        using var production = Trusting(new() { ["CdsHooks:PublicBaseUrl"] = "" });
        using var development = Trusting(new() { ["CdsHooks:PublicBaseUrl"] = "" }, environment: "Development");
        using var badUrl = Trusting(new() { ["CdsHooks:PublicBaseUrl"] = "triage.example.org" });

        var start = () => production.CreateClient();
        var startBadUrl = () => badUrl.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*CdsHooks:PublicBaseUrl is required*");
        startBadUrl.Should().Throw<InvalidOperationException>().WithMessage("*CdsHooks:PublicBaseUrl must be an absolute http(s) URL*");
        using var client = development.CreateClient();
        using var response = await PostAsync(client, _tokens.Es384(audience: "http://localhost/cds-services/spinetriage-post-op-spine"), Call());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        development.Logs.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("taken from each request's Host header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_PublicBaseUrl_a_token_for_the_Host_header_is_refused()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = new StringContent(Call(), Encoding.UTF8, "application/json") };
        request.Headers.Host = "evil.example";
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Es384(audience: "http://evil.example/cds-services/spinetriage-post-op-spine"));
        using var response = await client.SendAsync(request);

        await ShouldBeRefusedAsync(response, factory, "wrongAudience");
    }

    [Fact]
    public async Task Feedback_takes_a_token_for_the_service_URL_or_the_feedback_URL_only()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var feedback = $$"""{"feedback":[{"card":"{{Guid.NewGuid()}}","outcome":"accepted","outcomeTimestamp":"2026-11-29T10:00:00Z"}]}""";

        using var service = await PostAsync(client, _tokens.Es384(), feedback, Service + "/feedback");
        using var own = await PostAsync(client, _tokens.Es384(audience: ServerFactory.Audience + "/feedback"), feedback, Service + "/feedback");
        using var other = await PostAsync(client, _tokens.Es384(audience: ServerFactory.PublicBaseUrl + "/cds-services"), feedback, Service + "/feedback");

        service.StatusCode.Should().Be(HttpStatusCode.OK);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeRefusedAsync(other, factory, "wrongAudience");
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
    public async Task A_prefetched_response_reporting_loss_of_bladder_control_gets_a_critical_card_and_without_a_token_a_401()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call(FhirResources.BladderControlLoss()));
        using var refused = await PostAsync(client, null, Call(FhirResources.BladderControlLoss()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var cards = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var card = cards.RootElement.GetProperty("cards").EnumerateArray().Should().ContainSingle().Subject;
        card.GetProperty("indicator").GetString().Should().Be("critical");
        card.GetProperty("source").GetProperty("topic").GetProperty("code").GetString().Should().Be("emergency");
        card.GetProperty("summary").GetString()!.Length.Should().BeLessThan(140);
        Guid.TryParse(card.GetProperty("uuid").GetString(), out _).Should().BeTrue();
        await ShouldBeRefusedAsync(refused, factory, "missingToken");
        factory.AuditLines.Should().ContainSingle("the CDS triage is audited, the refused call is not");
    }

    [Fact]
    public async Task The_QuestionnaireResponse_of_a_prefetched_search_Bundle_is_triaged()
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();
        var bundle = $$"""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{{FhirResources.BladderControlLoss()}}}]}""";

        using var response = await PostAsync(client, _tokens.Es384(), Call(bundle));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"indicator\":\"critical\"");
    }

    [Fact]
    public async Task On_real_Kestrel_on_127_0_0_1_a_valid_ES384_token_gets_a_critical_card_and_no_token_a_401()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--environment", "Production", "--Audit:Path", Path.Combine(folder, "a.jsonl"), "--Audit:FeedbackPath", Path.Combine(folder, "f.jsonl"), "--CdsHooks:PublicBaseUrl", ServerFactory.PublicBaseUrl };
        foreach (var (key, value) in _tokens.Settings(folder))
        {
            args.AddRange(["--" + key, value!]);
        }

        var app = ServerApp.Build([.. args]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            address.Should().StartWith("http://127.0.0.1:");
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var accepted = await PostAsync(client, _tokens.Es384(), Call(FhirResources.BladderControlLoss()));
            using var refused = await PostAsync(client, null, Call(FhirResources.BladderControlLoss()));
            using var guidance = await client.PostAsync("/fhir/QuestionnaireResponse/$triage", FhirResources.Content(FhirResources.BladderControlLoss()));

            accepted.StatusCode.Should().Be(HttpStatusCode.OK);
            using var cards = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
            cards.RootElement.GetProperty("cards")[0].GetProperty("indicator").GetString().Should().Be("critical");
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            guidance.StatusCode.Should().Be(HttpStatusCode.OK);
            FhirResources.Urgency(FhirResources.Parse<Hl7.Fhir.Model.GuidanceResponse>(await guidance.Content.ReadAsStringAsync())).Should().Be("emergency");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    private const string Fever = """{"linkId":"fever","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA33-6"}}]}""";

    public static TheoryData<string, string, string> BadResponses => new()
    {
        { FhirResources.Completed(Fever), "surgeryDate", "required" },
        { FhirResources.Completed(Fever).Replace("\"status\"", "\"language\":5,\"status\"", StringComparison.Ordinal), "$.prefetch.questionnaireResponse.language", "invalidResource" },
        { FhirResources.BladderControlLoss(""",{"linkId":"noSuchQuestion","answer":[{"valueBoolean":true}]}"""), "noSuchQuestion", "unknownQuestion" },
    };

    [Theory]
    [MemberData(nameof(BadResponses))]
    public async Task A_prefetched_response_with_errors_is_a_400_listing_path_and_code(string resource, string path, string code)
    {
        using var factory = Trusting();
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, _tokens.Es384(), Call(resource));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("code").GetString()))
            .Should().Contain((path, code));
        factory.AuditLines.Should().BeEmpty();
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
              "overrideReason":{"reason":{"code":"clinical-judgement","system":"http://example.org/fhir/spinetriage/CodeSystem/override-reason"},"userComment":"secret comment"}}]}
            """;

        using var refused = await PostAsync(client, null, feedback, Service + "/feedback");
        using var accepted = await PostAsync(client, _tokens.Es384(), feedback, Service + "/feedback");
        using var invalid = await PostAsync(client, _tokens.Es384(), """{"feedback":[{"card":"x","outcome":"maybe"}]}""", Service + "/feedback");

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("$.feedback[0].card").And.Contain("$.feedback[0].outcome").And.Contain("$.feedback[0].outcomeTimestamp");
        var line = factory.FeedbackLines.Should().ContainSingle().Subject;
        line.Should().Contain(card.ToString()).And.Contain("overridden").And.Contain("clinical-judgement").And.Contain("\"hadUserComment\":true");
        line.Should().NotContain("secret comment");
    }
}
