using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;

namespace SpineTriage.Server.Tests.Page;

/// <summary>The serving side of the patient page (docs/page.md); the page itself is tested in a browser by SpineTriage.Page.Tests.</summary>
public sealed class PageEndpointsTests
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/page.js", "text/javascript")]
    [InlineData("/page.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Each_page_file_is_served_with_a_self_only_Content_Security_Policy_and_no_caching(string path, string mediaType)
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.Contain("style-src 'self'")
            .And.Contain("connect-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe").And.NotContain("http");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await response.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_names_no_other_origin()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");
        var script = await client.GetStringAsync("/page.js");

        html.Should().NotContain("<style").And.NotContain("style=").And.NotContain("//", "no other origin, no comment-hidden URL");
        html.Should().NotMatchRegex(@"\son[a-z]+\s*=", "no inline event handler");
        html.Should().Contain("<script src=\"/page.js\" defer></script>");
        script.Should().NotContain("localStorage.").And.NotContain("sessionStorage.").And.NotContain("document.cookie").And.NotContain("http:").And.NotContain("https:");
    }

    [Fact]
    public async Task Interview_next_words_the_question_in_the_language_of_the_report()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var report = """{"surgeryDate":"2026-10-01","assessedOn":"2026-10-20","language":"LANG"}""";

        using var english = await client.PostAsync("/api/interview/next", new StringContent(report.Replace("LANG", "en", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        using var spanish = await client.PostAsync("/api/interview/next", new StringContent(report.Replace("LANG", "es", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        var en = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.GetProperty("next");
        var es = JsonDocument.Parse(await spanish.Content.ReadAsStringAsync()).RootElement.GetProperty("next");
        es.GetProperty("id").GetString().Should().Be(en.GetProperty("id").GetString());
        var texts = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("src", "SpineTriage", "Texts", "es.json"))).RootElement.GetProperty("texts");
        es.GetProperty("leadKey").GetString().Should().StartWith($"question.{es.GetProperty("id").GetString()}.");
        es.GetProperty("lead").GetString().Should().Be(texts.GetProperty(es.GetProperty("leadKey").GetString()!).GetString())
            .And.NotBe(en.GetProperty("lead").GetString());
    }

    [Fact]
    public async Task The_page_settings_give_911_and_no_care_team_number_by_default_and_the_configured_numbers_otherwise()
    {
        using (var factory = new ServerFactory())
        using (var client = factory.CreateClient())
        {
            using var response = await client.GetAsync("/page-settings.json");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            document.RootElement.GetProperty("emergencyNumber").GetString().Should().Be("911");
            document.RootElement.GetProperty("careTeamNumber").ValueKind.Should().Be(JsonValueKind.Null);
        }

        using var configured = new ServerFactory(new Dictionary<string, string?> { ["Page:EmergencyNumber"] = "112", ["Page:CareTeamNumber"] = "+34 600 000 000" });
        using var configuredClient = configured.CreateClient();
        using var settings = JsonDocument.Parse(await configuredClient.GetStringAsync("/page-settings.json"));
        settings.RootElement.GetProperty("emergencyNumber").GetString().Should().Be("112");
        settings.RootElement.GetProperty("careTeamNumber").GetString().Should().Be("+34 600 000 000");
    }

    [Theory]
    [InlineData("Page:EmergencyNumber", "call 911")]
    [InlineData("Page:EmergencyNumber", "")]
    [InlineData("Page:CareTeamNumber", "javascript:alert(1)")]
    public void A_page_number_that_is_not_a_telephone_number_stops_the_start(string key, string value)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { [key] = value });

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage($"*{key}*");
    }
}
