using System.Globalization;
using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 23, items 3, 4 and 6: the operation date is typed year first in one field, fields keep what the patient typed
/// after an error, dates that cannot be used are named,
/// the progress counts the questions asked, a slow answer says "Please wait…", and every failure offers Try again.
/// </summary>
public sealed class PageFlowTests(PageServer server) : IClassFixture<PageServer>
{
    public static TheoryData<string> Languages() => new() { "en", "es" };

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task The_temperature_keeps_its_value_and_unit_after_an_error_and_takes_a_decimal_comma(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"temperature-{language}", 360, language);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckIncluded);
        while (await session.ScreenAsync() != "temperature")
        {
            await session.ClickAsync(words.No);
        }

        await session.Page.GetByLabel(words.Celsius).CheckAsync();
        await session.Page.GetByLabel(words.Temperature, new() { Exact = true }).FillAsync("385");
        var sent = session.ReportsSent.Count;
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }));

        var field = session.Page.GetByLabel(words.Temperature, new() { Exact = true });
        (await field.InputValueAsync()).Should().Be("385", "the typed value stays after the error");
        (await session.Page.GetByLabel(words.Celsius).IsCheckedAsync()).Should().BeTrue("the chosen unit stays after the error");
        (await field.GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await session.Page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("temperature-value");
        (await session.MainTextAsync()).Should().Contain("30").And.Contain("45");
        session.ReportsSent.Should().HaveCount(sent, "nothing is sent while the value is wrong");

        await field.FillAsync("38,5");
        await session.ClickAsync(words.Continue);
        var report = session.ReportsSent.Last();
        report["temperature"]!["value"]!.GetValue<double>().Should().Be(38.5);
        report["temperature"]!["unit"]!.GetValue<string>().Should().Be("celsius");
        (await session.Main.GetAttributeAsync("data-item")).Should().NotBe("fever", "38.5 °C answers the fever question");
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task The_operation_date_is_typed_year_first_in_one_field_and_every_date_that_cannot_be_used_is_named(string language)
    {
        var words = Words.Of(language);
        // A browser in the language (an es-ES browser opens the page in Spanish): the same field, year first, in both.
        await using var session = await PageSession.OpenAsync(server, $"dates-{language}", 360, language == "es" ? "es-ES" : "en-US", touch: language == "es");
        (await session.Page.EvaluateAsync<string>("document.documentElement.lang")).Should().Be(language);
        words.DateLabel.Should().Contain(language == "es" ? "operación" : "operation");
        var field = session.Page.GetByLabel(words.DateLabel);
        (await field.GetAttributeAsync("type")).Should().Be("text", "not the browser's date picker, whose format follows the browser's language");
        (await field.GetAttributeAsync("inputmode")).Should().Be("numeric");
        (await session.Page.Locator("#surgery-date-format").InnerTextAsync()).Should().Be(words.DateFormat, "the format is shown, in the page's language");
        (await field.GetAttributeAsync("aria-describedby")).Should().Contain("surgery-date-format");

        var inTwoDays = Iso(DateTime.Now.Date.AddDays(2));
        foreach (var (typed, message) in new[]
        {
            ("", words.DateMissing),
            ("2026-02-30", words.DateImpossible("2026-02-30")),
            ("2026-13-01", words.DateImpossible("2026-13-01")),
            ("2025/2/29", words.DateImpossible("2025-02-29")),
            ("26-03-01", words.DateShortYear),
            ("0026-03-01", words.DateShortYear),
            ("01/03/2026", words.DateYearFirst),
            ("03/01/26", words.DateShortYear),
            ("1 March", words.DateUnreadable),
            (inTwoDays, words.DateFuture),
            ("1899-12-31", words.DateTooOld),
        })
        {
            await field.FillAsync(typed);
            await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = words.Start, Exact = true }));
            (await session.Page.Locator("#surgery-date-error").InnerTextAsync()).Should().Be(message, "'{0}' is refused with its reason", typed);
            (await session.ScreenAsync()).Should().Be("date");
            (await field.InputValueAsync()).Should().Be(typed, "the field keeps what was typed");
            (await field.GetAttributeAsync("aria-invalid")).Should().Be("true");
            (await field.GetAttributeAsync("aria-describedby")).Should().StartWith("surgery-date-error");
            (await session.Page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("surgery-date");
        }

        session.ReportsSent.Should().BeEmpty("nothing is sent while the date cannot be used");

        // Typed key by key with slashes and without leading zeros: taken, and sent (and shown again) year-month-day.
        var first = DateTime.Now.Date.AddDays(-30);
        await field.FillAsync("");
        await field.PressSequentiallyAsync(first.ToString("yyyy/M/d", CultureInfo.InvariantCulture));
        await session.ClickAsync(words.Start);
        (await session.ScreenAsync()).Should().Be("neck");
        await session.ClickAsync(words.Back);
        (await session.Page.GetByLabel(words.DateLabel).InputValueAsync()).Should().Be(Iso(first), "the date is shown again year-month-day");

        // The 8 digits alone (a phone's number pad may have no dash).
        var second = DateTime.Now.Date.AddDays(-40);
        await session.Page.GetByLabel(words.DateLabel).FillAsync(second.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        await session.ClickAsync(words.Start);
        await session.ClickAsync(words.NotSure);
        (await session.ScreenAsync()).Should().Be("question");
        session.ReportsSent.Should().ContainSingle().Which["surgeryDate"]!.GetValue<string>().Should().Be(Iso(second));
        session.ShouldHaveNoProblems();
    }

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task The_progress_counts_the_questions_asked_and_says_how_many_more_at_most(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"progress-{language}", 360, language);
        (await session.Page.Locator("#start-length").InnerTextAsync()).Should().Contain("29", "the start page gives the length from the service's catalogue (27 questions of rule set 2.0, which the page tests run; temperature, pain)");
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckNotIncluded);
        await session.ClickAsync(words.LowerBack);
        for (var n = 1; n <= 10; n++)
        {
            (await session.Heading.InnerTextAsync()).Should().StartWith($"{words.Question} {n}", "the counter counts the questions asked, without gaps");
            var remaining = session.LastStep!["next"]!["remaining"]!.GetValue<int>();
            (await session.Page.Locator("#progress-text").InnerTextAsync()).Should().Be(words.More(remaining - 1));
            await session.ClickAsync(await session.ScreenAsync() == "temperature" ? words.NotMeasured : words.No);
        }

        await session.ClickAsync(words.Back);
        (await session.Heading.InnerTextAsync()).Should().StartWith($"{words.Question} 10", "Back counts down again");
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task A_slow_answer_says_please_wait_and_every_failure_offers_try_again_with_a_plain_message(string language)
    {
        var words = Words.Of(language);
        await using var session = await PageSession.OpenInAsync(server, $"failures-{language}", 360, language);
        await session.StartAsync(words.DateLabel, words.Start);

        foreach (var (status, message) in new[] { (502, words.ErrorServer), (500, words.ErrorServer), (429, words.ErrorBusy), (0, words.ErrorNetwork) })
        {
            await session.Page.RouteAsync("**/page/interview/next", route => status == 0
                ? route.AbortAsync()
                : route.FulfillAsync(new() { Status = status, ContentType = "application/problem+json", Body = "{\"title\":\"x\"}" }));
            await session.ClickAsync(words.NotSure);
            (await session.ScreenAsync()).Should().Be("error");
            var text = await session.MainTextAsync();
            text.Should().Contain(message, "a {0} failure is said in plain words", status).And.NotContain("HTTP");
            await session.Page.UnrouteAsync("**/page/interview/next");
            await session.ClickAsync(words.TryAgain);
            (await session.ScreenAsync()).Should().Be("question", "Try again goes on after a {0} failure", status);
            await session.ClickAsync(words.Back);
        }

        var release = new TaskCompletionSource();
        await session.Page.RouteAsync("**/page/interview/next", route =>
        {
            // Held until the test saw the waiting text; not awaited here, so that Playwright goes on handling messages.
            _ = release.Task.ContinueWith(_ => route.ContinueAsync(), TaskScheduler.Default);
            return Task.CompletedTask;
        });
        var before = await session.RenderCountAsync();
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = words.NotSure, Exact = true }));
        await session.Page.GetByRole(AriaRole.Status).GetByText(words.PleaseWait).WaitForAsync();
        release.SetResult();
        await session.NextScreenAsync(before);
        (await session.Page.Locator("#status").TextContentAsync()).Should().BeEmpty("the wait is over");
        session.ShouldHaveNoProblems(allowFailedRequests: true);
    }
}

/// <summary>The page's words the tests press or read, in each language, from the text registry the page reads (src/SpineTriage/Texts).</summary>
public sealed record Words(
    string DateLabel, string Start, string NeckIncluded, string NeckNotIncluded, string LowerBack, string NotSure, string No,
    string Back, string Temperature, string Celsius, string Continue, string NotMeasured, string Question, Func<int, string> More,
    Func<string, string> DateImpossible, string DateShortYear, string ErrorServer, string ErrorBusy, string ErrorNetwork, string TryAgain, string PleaseWait,
    string DateFormat, string DateMissing, string DateUnreadable, string DateYearFirst, string DateFuture, string DateTooOld,
    string Yes, string StartAgain)
{
    public static Words Of(string language)
    {
        string T(string key) => PageSession.Text(language, key);
        string FirstSentence(string key) => T(key)[..(T(key).IndexOf(". ", StringComparison.Ordinal) + 1)];
        return new(T("label.page.dateLabel"), T("label.page.start"), T("label.page.neckIncluded"), T("label.page.neckNotIncluded"), T("label.page.lowerBack"),
            T("label.page.notSure"), T("label.answer.no"), T("label.page.back"), T("label.page.temperatureValue"), T("label.page.celsius"),
            T("label.page.continue"), T("label.page.notMeasured"), T("label.page.question").Replace(" {number}", "", StringComparison.Ordinal),
            n => n > 0 ? T("prompt.page.more").Replace("{count}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : T("prompt.page.last"),
            date => T("prompt.page.dateImpossible").Replace("{date}", date, StringComparison.Ordinal), T("prompt.page.dateShortYear"),
            FirstSentence("prompt.page.errorServer"), FirstSentence("prompt.page.errorBusy"), FirstSentence("prompt.page.errorNetwork"),
            T("label.page.tryAgain"), T("label.page.working"), T("prompt.page.dateFormat"), T("prompt.page.dateMissing"), T("prompt.page.dateUnreadable"),
            T("prompt.page.dateYearFirst"), T("prompt.page.dateFuture"), T("prompt.page.dateTooOld").Replace("{year}", "1900", StringComparison.Ordinal),
            T("label.answer.yes"), T("label.page.startAgain"));
    }
}
