using System.Globalization;
using FluentAssertions;
using SpineTriage.Results;
using CrossHostReport = SpineTriage.TestSupport.CrossHostReport;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 27 item 7, the page's side: a patient who answers as the shared report (<see cref="CrossHostReport"/>, rule set
/// 2.0) sees its result with the library's words: the heading names the urgency and its timeframe, and the disposition,
/// each finding, each care-advice and safety-net line are on the screen, as the console and FHIR tests find them.
/// </summary>
public sealed class CrossHostTextsTests(RuleSetTwoPageServer server) : IClassFixture<RuleSetTwoPageServer>
{
    public static TheoryData<string> Languages() => new() { "en", "es" };

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task The_page_shows_the_shared_report_with_the_librarys_texts(string language)
    {
        var words = Words.Of(language);
        // The page's date is the browser's (Europe/Madrid in these tests).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")));
        var report = CrossHostReport.Report(today, language);
        await using var session = await PageSession.OpenInAsync(server, $"cross-host-{language}", 390, language);

        await session.Page.GetByLabel(words.DateLabel).FillAsync(report.SurgeryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await session.ClickAsync(words.Start);
        if (await session.ScreenAsync() == "neck")
        {
            await session.ClickAsync(words.NeckNotIncluded);
            await session.ClickAsync(words.LowerBack);
        }

        for (var screen = await session.ScreenAsync(); screen != "result"; screen = await session.ScreenAsync())
        {
            switch (screen)
            {
                case "temperature":
                    await session.Page.GetByLabel(words.Temperature, new() { Exact = true }).FillAsync("37.2");
                    await session.Page.GetByLabel(words.Celsius).CheckAsync();
                    await session.ClickAsync(words.Continue);
                    break;
                case "painScore":
                    await session.ClickAsync("4");
                    break;
                default:
                    var item = await session.Main.GetAttributeAsync("data-item");
                    await session.ClickAsync(item == "woundBleeding" ? words.Yes : words.No);
                    break;
            }
        }

        var result = CrossHostReport.Result(today, language);
        session.LastStep!["result"]!["urgency"]!.GetValue<string>().Should().Be(result.Urgency.JsonName());
        var (name, timeframe) = CrossHostReport.Heading(result, language);
        var heading = await session.Heading.InnerTextAsync();
        heading.Should().Be(PageSession.ResultHeading(language, result.Urgency.JsonName())).And.StartWith(name).And.EndWith(timeframe);
        var text = PageSession.Normalize(await session.MainTextAsync());
        foreach (var expected in CrossHostReport.Expected(result))
        {
            text.Should().Contain(PageSession.Normalize(expected));
        }

        session.ShouldHaveNoProblems();
    }
}
