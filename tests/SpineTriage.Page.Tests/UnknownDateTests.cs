using System.Globalization;
using FluentAssertions;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 23, item 3: an unknown date is a choice. "I don't know the exact date" offers periods; the page sends the
/// period's most recent day as <c>surgeryDate</c> and its earliest as <c>earliestSurgeryDate</c> (1900-01-01 for an open
/// period), and the result and the printed summary say the date was approximate.
/// </summary>
public sealed class UnknownDateTests(PageServer server) : IClassFixture<PageServer>
{
    public static TheoryData<string, string, string> Periods() => new()
    {
        { "en", "2 to 6 weeks ago", "The date of your operation was approximate (2 to 6 weeks ago)." },
        { "es", "Hace de 2 a 6 semanas", "La fecha de su operación era aproximada (Hace de 2 a 6 semanas)." },
    };

    public static TheoryData<string> Languages() => new() { "en", "es" };

    [ChromiumTheory]
    [MemberData(nameof(Periods))]
    public async Task A_patient_who_picks_a_period_is_triaged_on_its_most_recent_day_and_told_the_date_was_approximate(string language, string period, string note)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"unknown-date-{language}", 360, language);

        await session.ClickAsync(period);
        (await session.ScreenAsync()).Should().Be("neck");
        await session.ClickAsync(words.NeckIncluded);
        await session.AnswerUntilResultAsync(_ => words.No, words.NotMeasured);

        var sent = session.ReportsSent.Last();
        var today = Day(sent["assessedOn"]!.GetValue<string>());
        sent["surgeryDate"]!.GetValue<string>().Should().Be(Iso(today.AddDays(-14)), "the decision uses the most recent day of the period");
        sent["earliestSurgeryDate"]!.GetValue<string>().Should().Be(Iso(today.AddDays(-42)));
        sent["answers"]!.AsObject().Select(a => a.Key).Should().Contain("woundBleeding", "a question of the first six weeks applies on some day of the period");
        (await session.ScreenAsync()).Should().Be("result");
        PageSession.Normalize(await session.Page.Locator("#approximate-date").InnerTextAsync()).Should().StartWith(note);
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task Each_period_sends_its_earliest_and_latest_date_and_its_result_and_summary_say_the_date_was_approximate(string language)
    {
        var words = Words.Of(language);
        var names = language == "es"
            ? new[] { "Hace menos de 2 semanas", "Hace de 2 a 6 semanas", "Hace de 6 semanas a 90 días", "Hace más de 90 días", "No estoy seguro" }
            : ["Less than 2 weeks ago", "2 to 6 weeks ago", "6 weeks to 90 days ago", "More than 90 days ago", "Not sure"];
        // Days since the operation: the period's fewest (its most recent date) and most (its earliest; none: 1 January 1900).
        var days = new (int Fewest, int? Most)[] { (0, 13), (14, 42), (43, 90), (91, null), (0, null) };
        await using var session = await PageSession.OpenInAsync(server, $"periods-{language}", 360, language);

        for (var i = 0; i < names.Length; i++)
        {
            var sent = session.ReportsSent.Count;
            // The period's choice is a button of its group on the date screen (Not sure also names the neck's choice: here only this one).
            await session.ClickAsync(names[i]);
            (await session.ScreenAsync()).Should().Be("neck");
            await session.ClickAsync(words.NeckIncluded);
            await session.AnswerUntilResultAsync(_ => words.Yes, words.NotMeasured);

            var reports = session.ReportsSent.Skip(sent).ToList();
            reports.Should().NotBeEmpty();
            foreach (var report in reports)
            {
                var today = Day(report["assessedOn"]!.GetValue<string>());
                report["surgeryDate"]!.GetValue<string>().Should().Be(Iso(today.AddDays(-days[i].Fewest)), "'{0}' is decided on its most recent date", names[i]);
                report["earliestSurgeryDate"]!.GetValue<string>().Should().Be(days[i].Most is { } most ? Iso(today.AddDays(-most)) : "1900-01-01", "'{0}' starts at its earliest date", names[i]);
            }

            (await session.ScreenAsync()).Should().Be("result");
            var shown = PageSession.Normalize(await session.Page.Locator("#approximate-date").InnerTextAsync());
            shown.Should().Contain(names[i]).And.StartWith(language == "es" ? "La fecha de su operación era aproximada" : "The date of your operation was approximate");
            var summary = PageSession.Normalize((await session.Page.Locator(".print-summary").TextContentAsync())!);
            summary.Should().Contain(names[i], "the printed summary gives the period instead of a date");
            await session.ClickAsync(words.StartAgain);
            (await session.ScreenAsync()).Should().Be("date");
        }

        session.ShouldHaveNoProblems();
    }

    private static DateTime Day(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
