using System.Globalization;
using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 23, item 3: an unknown date is a choice. "I don't know the exact date" offers periods; the page sends the
/// period's most recent day as <c>surgeryDate</c> and its earliest as <c>earliestSurgeryDate</c>, and the result says the
/// date was approximate.
/// </summary>
public sealed class UnknownDateTests(PageServer server) : IClassFixture<PageServer>
{
    public static TheoryData<string, string, string> Periods() => new()
    {
        { "en", "2 to 6 weeks ago", "The date of your operation was approximate (2 to 6 weeks ago)." },
        { "es", "Hace de 2 a 6 semanas", "La fecha de su operación era aproximada (Hace de 2 a 6 semanas)." },
    };

    [ChromiumTheory]
    [MemberData(nameof(Periods))]
    public async Task A_patient_who_picks_a_period_is_triaged_on_its_most_recent_day_and_told_the_date_was_approximate(string language, string period, string note)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenAsync(server, $"unknown-date-{language}", 360);
        if (language == "es")
        {
            var before = await session.RenderCountAsync();
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await session.NextScreenAsync(before);
        }

        await session.ClickAsync(period);
        (await session.ScreenAsync()).Should().Be("neck");
        await session.ClickAsync(words.NeckIncluded);
        await session.AnswerUntilResultAsync(_ => words.No, words.NotMeasured);

        var sent = session.ReportsSent.Last();
        var today = DateTime.Now.Date;
        sent["surgeryDate"]!.GetValue<string>().Should().Be(Iso(today.AddDays(-14)), "the decision uses the most recent day of the period");
        sent["earliestSurgeryDate"]!.GetValue<string>().Should().Be(Iso(today.AddDays(-42)));
        sent["answers"]!.AsObject().Select(a => a.Key).Should().Contain("woundBleeding", "a question of the first six weeks applies on some day of the period");
        (await session.ScreenAsync()).Should().Be("result");
        PageSession.Normalize(await session.Page.Locator("#approximate-date").InnerTextAsync()).Should().StartWith(note);
        session.ShouldHaveNoProblems();
    }

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
