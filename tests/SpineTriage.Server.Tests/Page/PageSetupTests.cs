using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.Reports;
using SpineTriage.Results;
using SpineTriage.Rules;
using SpineTriage.Texts;

namespace SpineTriage.Server.Tests.Page;

/// <summary>
/// Issue 27 items 1 and 3, the page's side: the page reads every word from the registry (each key page.js and index.html
/// name is in every language), the first page is written in the service's language, and the page takes its languages,
/// the region step and the input limits from the server (<c>/page-settings.json</c>), which match what the library does.
/// </summary>
public sealed partial class PageSetupTests
{
    private static readonly int[] ProbeDays = [0, 10, 30, 60, 100, 1000];

    public static TheoryData<string> Selectors() => [.. RuleSets.Selectors];

    public static TheoryData<string> Languages() => [.. TextLanguages.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_registry_key_the_page_script_and_its_html_name_is_in_every_language(string language)
    {
        var keys = PageKeys();
        var registry = TextRegistry.For(language);

        keys.Should().HaveCountGreaterThan(70).And.OnlyContain(k => registry.Has(k), "the page shows only the registry's words");
    }

    [Fact]
    public void The_page_script_keeps_no_words_of_its_own()
    {
        var script = File.ReadAllText(Repository.PathOf("samples", "SpineTriage.Server", "wwwroot", "page.js"));
        var code = Comment().Replace(script, "");

        // A quoted string with two words is a sentence, unless it is an error for developers (thrown, with its details).
        var prose = Quoted().Matches(code).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(s => Regex.IsMatch(s, @"\b[A-Z][a-z]+ [a-z]{2,}") && !s.StartsWith("The text", StringComparison.Ordinal) && !s.StartsWith("texts ", StringComparison.Ordinal) && s != "use strict" && !s.Contains("${", StringComparison.Ordinal)
                && !s.Contains("querySelector", StringComparison.Ordinal) && !s.Contains("=>", StringComparison.Ordinal));
        prose.Should().BeEmpty("page.js shows no sentence of its own (issue 27 item 1)");
        code.Should().NotContain("°C / ").And.NotContain("1900").And.NotContain("[30, 45]");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_first_page_is_written_in_the_services_language_with_a_button_per_registry_language(string language)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:Language"] = language, ["Page:EmergencyNumber"] = "112" });
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        var registry = TextRegistry.For(language);
        html.Should().Contain($"<html lang=\"{language}\">").And.Contain($"<title>{registry.Raw("label.page.title")}</title>").And.NotContain("{{");
        html.Should().Contain(registry.Raw("prompt.page.footer").Replace("911", "112", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal));
        foreach (var other in TextLanguages.All)
        {
            html.Should().Contain($"lang=\"{other}\" data-language=\"{other}\" aria-pressed=\"{(other == language ? "true" : "false")}\">{TextRegistry.For(other).Raw("label.page.languageName")}</button>");
        }
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public async Task The_page_settings_ask_the_region_exactly_when_a_question_of_the_rule_set_depends_on_it(string selector)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:RuleSet"] = selector });
        using var client = factory.CreateClient();

        using var settings = JsonDocument.Parse(await client.GetStringAsync("/page-settings.json"));

        var ruleSet = new TriageEngine(new TriageEngineOptions { RuleSet = selector }).RuleSet;
        var depends = ruleSet.Questions.Any(q => ProbeDays.Any(day =>
            Enum.GetValues<SurgeryRegion>().Any(r => ruleSet.Applicability(q.Id, r, day).Applies != ruleSet.Applicability(q.Id, null, day).Applies)));
        settings.RootElement.GetProperty("asksRegion").GetBoolean().Should().Be(depends);
        settings.RootElement.GetProperty("ruleSet").GetString().Should().Be(ruleSet.Version);
        if (selector == RuleSets.V1)
        {
            depends.Should().BeFalse("rule set 1.0 reads no region, so the page does not ask it");
        }
    }

    [Fact]
    public async Task The_page_settings_name_the_registry_languages_and_the_services_own()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["SpineTriage:Language"] = "es" });
        using var client = factory.CreateClient();

        using var settings = JsonDocument.Parse(await client.GetStringAsync("/page-settings.json"));

        settings.RootElement.GetProperty("language").GetString().Should().Be("es");
        settings.RootElement.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).Should().Equal(TextLanguages.All);
    }

    [Fact]
    public async Task The_page_settings_limits_are_what_the_library_accepts_and_refuses()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        using var settings = JsonDocument.Parse(await client.GetStringAsync("/page-settings.json"));
        var limits = settings.RootElement.GetProperty("limits");
        var engine = new TriageEngine(new TriageEngineOptions { RuleSet = RuleSets.V2 });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var report = new SymptomReport { SurgeryDate = today.AddDays(-10), AssessedOn = today };
        bool Accepts(SymptomReport r) => engine.Validate(r).IsSuccess;

        var temperature = limits.GetProperty("temperature");
        var places = temperature.GetProperty("decimals").GetInt32();
        var step = 1m / (decimal)Math.Pow(10, places);
        foreach (var (unit, make) in new (string, Func<decimal, Temperature>)[] { ("celsius", Temperature.Celsius), ("fahrenheit", Temperature.Fahrenheit) })
        {
            var min = temperature.GetProperty(unit).GetProperty("min").GetDecimal();
            var max = temperature.GetProperty(unit).GetProperty("max").GetDecimal();
            Accepts(report with { Temperature = make(min) }).Should().BeTrue(unit);
            Accepts(report with { Temperature = make(max) }).Should().BeTrue(unit);
            Accepts(report with { Temperature = make(min - step) }).Should().BeFalse(unit);
            Accepts(report with { Temperature = make(max + step) }).Should().BeFalse(unit);
            Accepts(report with { Temperature = make(min + step) }).Should().BeTrue("{0} decimals are taken", places);
            Accepts(report with { Temperature = make(min + (step / 10)) }).Should().BeFalse("more than {0} decimals are refused", places);
        }

        var earliest = DateOnly.ParseExact(limits.GetProperty("surgeryDate").GetProperty("earliest").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Accepts(report with { SurgeryDate = earliest }).Should().BeTrue();
        Accepts(report with { SurgeryDate = earliest.AddDays(-1) }).Should().BeFalse();
        var pain = limits.GetProperty("painScore");
        Accepts(report with { PainScore = pain.GetProperty("min").GetInt32() }).Should().BeTrue();
        Accepts(report with { PainScore = pain.GetProperty("max").GetInt32() }).Should().BeTrue();
        Accepts(report with { PainScore = pain.GetProperty("min").GetInt32() - 1 }).Should().BeFalse();
        Accepts(report with { PainScore = pain.GetProperty("max").GetInt32() + 1 }).Should().BeFalse();
    }

    /// <summary>The registry keys the page names: quoted in page.js (and the urgency and period keys it builds), marked in index.html.</summary>
    internal static IReadOnlyList<string> PageKeys()
    {
        var script = File.ReadAllText(Repository.PathOf("samples", "SpineTriage.Server", "wwwroot", "page.js"));
        var html = File.ReadAllText(Repository.PathOf("samples", "SpineTriage.Server", "wwwroot", "index.html"));
        var keys = Key().Matches(script).Select(m => m.Groups[1].Value)
            .Concat(HtmlMark().Matches(html).Select(m => m.Groups[1].Value).Where(k => k.Contains('.', StringComparison.Ordinal)))
            .Concat(Enum.GetValues<Urgency>().SelectMany(u => new[] { $"label.urgency.{u.JsonName()}", $"label.timeframe.{u.JsonName()}" }))
            .Concat(PeriodId().Matches(script).Select(m => $"label.page.period.{m.Groups[1].Value}"));
        return [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"'((?:label|prompt)\.[A-Za-z0-9.]+[A-Za-z0-9])'")]
    private static partial Regex Key();

    [GeneratedRegex(@"\{\{([A-Za-z0-9.]+)\}\}")]
    private static partial Regex HtmlMark();

    [GeneratedRegex(@"\{ id: '(\w+)', fewest")]
    private static partial Regex PeriodId();

    [GeneratedRegex(@"(^|\s)//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"'((?:[^'\\\n]|\\.)*)'|`([^`]*)`")]
    private static partial Regex Quoted();
}
