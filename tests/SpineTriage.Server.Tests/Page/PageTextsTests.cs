using System.Net;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Texts;

namespace SpineTriage.Server.Tests.Page;

/// <summary>Issue 27 item 1: the server serves the library's registry, one JSON document per language, with the configured emergency number.</summary>
public sealed class PageTextsTests
{
    public static TheoryData<string> Languages() => [.. TextLanguages.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Each_language_is_served_with_every_text_of_the_registry(string language)
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/texts/{language}.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("language").GetString().Should().Be(language);
        var texts = document.RootElement.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var registry = TextRegistry.For(language);
        texts.Keys.Should().Equal(registry.Keys);
        texts.Should().OnlyContain(t => t.Value == registry.Raw(t.Key));
    }

    [Fact]
    public async Task The_page_emergency_number_words_the_emergency_texts()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Page:EmergencyNumber"] = "112" });
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/texts/es.json"));

        var texts = document.RootElement.GetProperty("texts");
        texts.GetProperty("disposition.emergency").GetString().Should().Contain("112").And.NotContain("911");
        texts.GetProperty("prompt.emergency").GetString().Should().Contain("112");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    public async Task A_language_the_registry_lacks_is_404(string language)
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/texts/{language}.json");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
