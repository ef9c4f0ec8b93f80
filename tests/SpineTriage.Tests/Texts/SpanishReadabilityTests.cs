using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using SpineTriage.Tests.Traceability;
using SpineTriage.TestSupport;
using SpineTriage.Texts.Internal;

namespace SpineTriage.Tests.Texts;

/// <summary>
/// Issue 11 point 4: every Spanish patient text (Texts/es.json, embedded as <c>SpineTriage.Texts.es.json</c>) scores 70
/// or more by Fernández-Huerta (<see cref="SpanishReadability"/>), and so does their mean. The keys measured are exactly
/// those the English readability test measures (<see cref="ReadabilityTests"/>: every key but the clinician question);
/// placeholders are filled with typical values written as a Spanish reader sees them (es-US: a decimal point). The figures are
/// generated into docs/translation-es.md (UPDATE_DOCS=1 rewrites it) and quoted in docs/translation.md.
/// </summary>
public class SpanishReadabilityTests
{
    private const string DocumentPath = "docs/translation-es.md";

    private const string GuidePath = "docs/translation.md";

    private static readonly (string Name, string Value)[] Examples =
        [("feverCelsius", "38.0"), ("feverFahrenheit", "100.4"), ("temperature", "38.4 °C"), ("threshold", "38.0"),
         ("choices", "s = sí, n = no, ns = no sé"), ("max", "200"), ("count", "3"), ("urgency", "URGENTE"), ("days", "12"), ("reportId", "r-1"), ("emergencyNumber", "911"),
         ("minutes", "4"), ("date", "2026-02-30"), ("year", "1900"), ("number", "911"), ("answer", "Sí"), ("low", "30"), ("high", "45"),
         ("unit", "°C"), ("decimals", "2"), ("timeframe", "ya"), ("version", "2.0"), ("when", "8/12/2026, 10:00:00"), ("period", "Hace de 2 a 6 semanas")];

    private static readonly Lazy<FrozenDictionary<string, string>> Spanish = new(Load);

    internal static IReadOnlyList<(string Key, string Text, double? Score)> Measured()
    {
        var measuredInEnglish = ReadabilityTests.Measured().Where(t => t.Grade is not null).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return [.. TextCatalogue.English.Keys.Select(key =>
        {
            var raw = Spanish.Value[key];
            return (key, raw, measuredInEnglish.Contains(key) ? SpanishReadability.Score(Filled(raw)) : null);
        })];
    }

    [Fact]
    public void The_spanish_catalogue_has_every_english_key_with_the_same_placeholders()
    {
        Spanish.Value.Keys.Order(StringComparer.Ordinal).Should().Equal(TextCatalogue.English.Keys);
        foreach (var key in TextCatalogue.English.Keys)
        {
            TextCatalogue.Placeholders(Spanish.Value[key]).Order(StringComparer.Ordinal)
                .Should().Equal(TextCatalogue.Placeholders(TextCatalogue.English.Template(key)).Order(StringComparer.Ordinal), key);
        }
    }

    [Fact]
    public void Every_spanish_patient_text_scores_70_or_more()
    {
        var under = Measured().Where(t => t.Score is not null && t.Score < SpanishReadability.MinimumScore)
            .Select(t => $"{t.Score:0.0} {t.Key}: {t.Text}");

        under.Should().BeEmpty("each Spanish patient text must score {0} or more by Fernández-Huerta", SpanishReadability.MinimumScore);
    }

    [Fact]
    public void The_mean_score_of_the_spanish_patient_texts_is_70_or_more()
    {
        var scores = Scores();

        scores.Should().HaveCountGreaterThan(100);
        scores.Average().Should().BeGreaterThanOrEqualTo(SpanishReadability.MinimumScore);
    }

    [Fact]
    public void Every_text_the_english_test_measures_is_measured_and_has_words()
    {
        var measuredInEnglish = ReadabilityTests.Measured().Where(t => t.Grade is not null).Select(t => t.Key);

        Measured().Where(t => t.Score is not null).Select(t => t.Key).Should().Equal(measuredInEnglish);
    }

    [Fact]
    public void The_spanish_readability_document_is_up_to_date_and_the_guide_quotes_its_figures()
    {
        Repository.AssertGenerated(DocumentPath, Document());
        File.ReadAllText(Repository.PathOf(GuidePath)).Should().Contain(Summary(), "docs/translation.md quotes the measured figures");
    }

    private static double[] Scores() => [.. Measured().Where(t => t.Score is not null).Select(t => t.Score!.Value)];

    private static string Summary()
    {
        var scores = Scores();
        return string.Create(CultureInfo.InvariantCulture,
            $"{scores.Length} Spanish texts measured: mean Fernández-Huerta score {scores.Average():0.0}, lowest {scores.Min():0.0}");
    }

    internal static string Filled(string raw)
    {
        var text = new StringBuilder(raw);
        foreach (var (name, value) in Examples)
        {
            text.Replace("{" + name + "}", value);
        }

        return text.ToString();
    }

    private static FrozenDictionary<string, string> Load()
    {
        const string Resource = "SpineTriage.Texts.es.json";
        using var stream = typeof(TextCatalogue).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The text resource {Resource} is missing from the library.");
        using var document = JsonDocument.Parse(stream);
        document.RootElement.GetProperty("language").GetString().Should().Be("es");
        return document.RootElement.GetProperty("texts").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static string Document()
    {
        var text = new StringBuilder()
            .Append("# Spanish patient texts and their readability\n\n")
            .Append("<!-- Generated by tests/SpineTriage.Tests/Texts/SpanishReadabilityTests.cs; do not edit. Regenerate with\n")
            .Append("     UPDATE_DOCS=1 dotnet test tests/SpineTriage.Tests --filter \"FullyQualifiedName~SpanishReadability\" -->\n\n")
            .Append("**Translation to be reviewed by a qualified medical translator before clinical use.** How the texts were translated, ")
            .Append("the glossary and the measure: [translation.md](translation.md).\n\n")
            .Append("Fernández-Huerta score = 206.84 − 0.60 × syllables per 100 words − 1.02 × words per sentence ")
            .Append("(`tests/SpineTriage.TestSupport/SpanishReadability.cs`); limit 70 or more for each text and for the mean. ")
            .Append("The keys measured are those the English grade is measured on (every key but the clinician question); ")
            .Append("placeholders are measured with typical values (38.0, 100.4, 38.4 °C).\n\n")
            .Append(CultureInfo.InvariantCulture, $"**{Summary()}.**\n\n")
            .Append("| Key | Score | Text |\n|---|---:|---|\n");
        foreach (var (key, raw, score) in Measured())
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key}` | {(score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "not measured")} | {raw.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }
}
