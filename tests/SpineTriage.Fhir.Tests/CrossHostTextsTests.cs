using System.Text.Json.Nodes;
using FluentAssertions;
using SpineTriage.Engine;
using SpineTriage.TestSupport;
using SpineTriage.Texts;

namespace SpineTriage.Fhir.Tests;

/// <summary>
/// Issue 27 item 7, FHIR's side: the GuidanceResponse of the shared report (<see cref="CrossHostReport"/>) holds the
/// library's words: its title names the urgency and its timeframe, and the disposition, each finding, each care-advice
/// and safety-net line are among its texts, as the console and the page show them.
/// </summary>
public class CrossHostTextsTests
{
    public static TheoryData<string> Languages() => [.. TextLanguages.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_guidance_response_of_the_shared_report_has_the_librarys_texts(string language)
    {
        var fhir = new TriageFhir(ReportBuilder.EngineV2(new TriageEngineOptions { RuleSet = CrossHostReport.RuleSet, Language = language }));
        var result = CrossHostReport.Result(ReportBuilder.Today, language);

        var guidance = fhir.Evaluate(fhir.CreateResponse(CrossHostReport.Report(ReportBuilder.Today, language)));

        guidance.IsSuccess.Should().BeTrue();
        var texts = Strings(JsonNode.Parse(Fhir.Serialize(guidance.Value!))!).ToList();
        var (name, timeframe) = CrossHostReport.Heading(result, language);
        texts.Should().Contain($"{name} ({timeframe})", "the title names the urgency and its timeframe");
        var all = string.Join("\n", texts);
        foreach (var text in CrossHostReport.Expected(result))
        {
            all.Should().Contain(text);
        }
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Strings(n)),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
