using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpineTriage.Server.Tests.Fhir;

namespace SpineTriage.Server.Tests.CdsHooks;

/// <summary>CORS: discovery is public; the service, feedback, /fhir and /api answer the configured origins only; preflight answered.</summary>
public sealed class CorsTests : IDisposable
{
    private const string Ehr = "https://ehr.example.org";
    private const string Service = "/cds-services/spinetriage-post-op-spine";
    private readonly Tokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin = Ehr)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request);
    }

    private static string? AllowOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    public static TheoryData<string> Paths => new() { Service, Service + "/feedback", "/fhir/QuestionnaireResponse/$triage", "/fhir/Questionnaire/$next-question", "/api/triage" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_preflight_from_a_configured_origin_is_allowed_with_the_CDS_and_SMART_headers_and_from_another_is_not(string path)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Ehr });
        using var client = factory.CreateClient();

        using var allowed = await PreflightAsync(client, path);
        using var other = await PreflightAsync(client, path, "https://intruder.example.net");

        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        AllowOrigin(allowed).Should().Be(Ehr);
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant().Should().Contain("authorization").And.Contain("content-type");
        allowed.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        other.StatusCode.Should().Be(HttpStatusCode.NoContent);
        AllowOrigin(other).Should().BeNull();
    }

    [Fact]
    public async Task By_default_only_discovery_is_open_to_other_origins()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        using var discovery = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        discovery.Headers.Add("Origin", Ehr);
        using var metadata = new HttpRequestMessage(HttpMethod.Get, "/fhir/metadata");
        metadata.Headers.Add("Origin", Ehr);

        using var open = await client.SendAsync(discovery);
        using var closed = await client.SendAsync(metadata);
        using var preflight = await PreflightAsync(client, Service);

        AllowOrigin(open).Should().Be("*");
        AllowOrigin(closed).Should().BeNull();
        AllowOrigin(preflight).Should().BeNull();
    }

    [Fact]
    public void An_origin_that_is_not_an_origin_stops_the_start()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "*" });

        var act = () => factory.CreateClient();

        act.Should().Throw<InvalidOperationException>().WithMessage("*Cors:AllowedOrigins*");
    }

    [ChromiumFact]
    public async Task A_browser_on_another_origin_calls_discovery_and_the_allowed_endpoints_and_is_refused_elsewhere()
    {
        // The client's page on its own origin: a second server on loopback (a page served from nowhere is refused loopback
        // access by Chromium's private-network rules, whatever CORS says).
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseUrls(builder.WebHost, "http://127.0.0.1:0");
        await using var client = builder.Build();
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(client, "/", () => Microsoft.AspNetCore.Http.Results.Content("<!doctype html><title>client</title>", "text/html"));
        await client.StartAsync();
        var page = client.Urls.Single();
        var otherPage = page.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0", "--environment", "Production", "--Audit:Path", Path.Combine(folder, "a.jsonl"), "--Audit:FeedbackPath", Path.Combine(folder, "f.jsonl"),
            "--CdsHooks:PublicBaseUrl", ServerFactory.PublicBaseUrl, "--Cors:AllowedOrigins:0", page,
        };
        foreach (var (key, value) in _tokens.Settings(folder))
        {
            args.AddRange(["--" + key, value!]);
        }

        var app = ServerApp.Build([.. args]);
        await app.StartAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true });
        try
        {
            var server = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            var call = JsonSerializer.Serialize("{\"hook\":\"patient-view\",\"hookInstance\":\"" + Guid.NewGuid() + "\",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"example\"},\"prefetch\":{\"questionnaireResponse\":" + FhirResources.BladderControlLoss() + "}}");
            var script = $$"""
                async () => {
                  const attempt = async (url, init) => { try { const r = await fetch(url, init); return r.status + ' ' + (await r.text()).slice(0, 400); } catch (e) { return 'blocked ' + e.message; } };
                  return [
                    await attempt('{{server}}/cds-services'),
                    await attempt('{{server}}{{Service}}', { method: 'POST', headers: { 'Authorization': 'Bearer {{_tokens.Es384()}}', 'Content-Type': 'application/json' }, body: {{call}} }),
                    await attempt('{{server}}/fhir/metadata', { headers: { 'Accept': 'application/fhir+json' } }),
                  ];
                }
                """;

            var allowed = await RunAsync(browser, page, script);
            var refused = await RunAsync(browser, otherPage, script);

            allowed[0].Should().StartWith("200 ").And.Contain("spinetriage-post-op-spine");
            allowed[1].Should().StartWith("200 {\"cards\":[{").And.Contain("Emergency");
            allowed[2].Should().StartWith("200 ").And.Contain("CapabilityStatement");
            refused[0].Should().StartWith("200 ", "discovery is public");
            refused[1].Should().StartWith("blocked");
            refused[2].Should().StartWith("blocked");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    // The client's page, opened in a fresh context, runs the script.
    private static async Task<string[]> RunAsync(IBrowser browser, string origin, string script)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(origin + "/");
            return await page.EvaluateAsync<string[]>(script);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}

/// <summary>A fact that needs Debian's Chromium: skipped (never passed) where it is missing, as the page tests do.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is missing: install it with 'apt-get install -y chromium' (.ci/run does) to run the browser CORS test.";
        }
    }
}
