using System.Globalization;
using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// Issue 23, items 4 and 6: fields keep what the patient typed after an error, dates that cannot be used are named,
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
        await using var session = await OpenInAsync(server, $"temperature-{language}", 360, language);
        await session.StartAsync(words.DateLabel, words.Start);
        await session.ClickAsync(words.NeckIncluded);
        while (await session.ScreenAsync() != "temperature")
        {
            await session.ClickAsync(words.No);
        }

        await session.Page.GetByLabel(words.Celsius).CheckAsync();
        await session.Page.GetByLabel(words.Temperature, new() { Exact = true }).FillAsync("385");
        var sent = session.ReportsSent.Count;
        await session.Page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

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
    public async Task An_impossible_date_and_a_two_digit_year_are_named_and_the_field_keeps_them(string language)
    {
        var words = Words.Of(language);
        await using var session = await OpenInAsync(server, $"dates-{language}", 360, language);
        var field = session.Page.GetByLabel(words.DateLabel);

        await field.ClickAsync();
        await session.Page.Keyboard.TypeAsync("02302026"); // 30 February 2026 in the en-US browser's mm/dd/yyyy
        await session.Page.GetByRole(AriaRole.Button, new() { Name = words.Start, Exact = true }).ClickAsync();
        (await session.Page.Locator("#surgery-date-error").InnerTextAsync()).Should().Be(words.DateImpossible);
        (await session.ScreenAsync()).Should().Be("date");
        (await field.GetAttributeAsync("aria-describedby")).Should().Contain("surgery-date-error");

        await field.FillAsync("0026-03-01"); // what the browser makes of a year typed as 26
        await session.Page.GetByRole(AriaRole.Button, new() { Name = words.Start, Exact = true }).ClickAsync();
        (await session.Page.Locator("#surgery-date-error").InnerTextAsync()).Should().Be(words.DateShortYear);
        (await field.InputValueAsync()).Should().Be("0026-03-01", "the field keeps what was typed");
        session.ReportsSent.Should().BeEmpty();
        session.ShouldHaveNoProblems();
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task The_progress_counts_the_questions_asked_and_says_how_many_more_at_most(string language)
    {
        var words = Words.Of(language);
        await using var session = await OpenInAsync(server, $"progress-{language}", 360, language);
        (await session.Page.Locator("#start-length").InnerTextAsync()).Should().Contain("29", "the start page gives the length from the service's catalogue (27 questions, temperature, pain)");
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
        await using var session = await OpenInAsync(server, $"failures-{language}", 360, language);
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
        await session.Page.GetByRole(AriaRole.Button, new() { Name = words.NotSure, Exact = true }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Status).GetByText(words.PleaseWait).WaitForAsync();
        release.SetResult();
        await session.NextScreenAsync(before);
        (await session.Page.Locator("#status").TextContentAsync()).Should().BeEmpty("the wait is over");
        session.ShouldHaveNoProblems(allowFailedRequests: true);
    }

    private static async Task<PageSession> OpenInAsync(PageServer server, string name, int width, string language)
    {
        var session = await PageSession.OpenAsync(server, name, width);
        if (language == "es")
        {
            var before = await session.RenderCountAsync();
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await session.NextScreenAsync(before);
        }

        return session;
    }
}

/// <summary>The page's words the tests press or read, in each language (page.js, UI).</summary>
public sealed record Words(
    string DateLabel, string Start, string NeckIncluded, string NeckNotIncluded, string LowerBack, string NotSure, string No,
    string Back, string Temperature, string Celsius, string Continue, string NotMeasured, string Question, Func<int, string> More,
    string DateImpossible, string DateShortYear, string ErrorServer, string ErrorBusy, string ErrorNetwork, string TryAgain, string PleaseWait)
{
    public static Words Of(string language) => language == "es"
        ? new("Fecha de su operación", "Empezar", "Incluyó el cuello", "No incluyó el cuello", "Parte baja de la espalda", "No estoy seguro", "No",
            "Atrás", "Temperatura", "Grados Celsius (°C)", "Seguir", "No la he medido", "Pregunta",
            n => n > 0 ? string.Create(CultureInfo.InvariantCulture, $"Como mucho, {n} más después de esta.") : "Esta es la última pregunta.",
            "Esta fecha no existe. Revise el día y el mes.", "Escriba el año con 4 cifras, por ejemplo 2026.",
            "El servicio ha tenido un problema.", "El servicio está muy ocupado.", "La página no ha podido conectar con el servicio.",
            "Intentar de nuevo", "Espere, por favor…")
        : new("Date of your operation", "Start", "Neck included", "Neck not included", "Lower back", "Not sure", "No",
            "Back", "Temperature", "Celsius (°C)", "Continue", "Not measured", "Question",
            n => n > 0 ? string.Create(CultureInfo.InvariantCulture, $"At most {n} more after this one.") : "This is the last question.",
            "This date does not exist. Check the day and the month.", "Type the year with 4 digits, for example 2026.",
            "The service had a problem.", "The service is busy right now.", "The page could not reach the service.",
            "Try again", "Please wait…");
}
