using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// One tap, one answer (issue 23, item 1): on every kind of screen a double-tap (touch, on a 390×844 phone) or a double
/// click (mouse) with 0, 50, 150 and 250 ms between the two presses answers the screen once, and every report the page
/// sends holds only answers to questions that were on the screen when the patient pressed.
/// </summary>
public sealed class DoubleTapTests(PageServer server) : IClassFixture<PageServer>
{
    /// <summary>The page's settle time (<c>SETTLE_MS</c> in page.js).</summary>
    private const int SettleMs = 400;

    private static readonly int[] Delays = [0, 50, 150, 250];

    public static TheoryData<string, string> Screens()
    {
        var data = new TheoryData<string, string>();
        foreach (var screen in new[] { "date", "neck", "back", "question", "temperature", "painScore" })
        {
            data.Add(screen, "touch");
            data.Add(screen, "mouse");
        }

        return data;
    }

    [ChromiumTheory]
    [MemberData(nameof(Screens))]
    public async Task A_double_tap_at_0_50_150_and_250_ms_answers_only_the_screen_the_patient_saw(string screen, string input)
    {
        await using var session = await PageSession.OpenAsync(server, $"double-{screen}-{input}", 390, touch: input == "touch", height: 844, clock: true);
        var displayed = new HashSet<string>(StringComparer.Ordinal); // what the patient answered on screen
        string? region = null;
        var (target, next, requests) = await ReachAsync(session, screen, displayed, r => region = r);

        // From here on the page's clock moves only when this test moves it: "250 ms apart" is 250 ms of the page's own
        // timers (the settle timer's time), however slow this machine is. The clock has run with real time since it was
        // installed at the session's ClockStart; reaching the screen takes seconds, far less than the hour allowed, so this
        // pause is never in the clock's past (it jumps forward on a settled screen, where no timer is pending).
        await session.Page.Clock.PauseAtAsync(session.ClockStart!.Value.AddHours(1));

        foreach (var delay in Delays)
        {
            if (screen == "temperature")
            {
                await session.Page.GetByLabel("Temperature").FillAsync("37.0");
                await session.Page.GetByLabel("Celsius (°C)").CheckAsync();
            }

            var item = await session.Main.GetAttributeAsync("data-item");
            if (!string.IsNullOrEmpty(item))
            {
                displayed.Add(item);
            }

            var sent = session.ReportsSent.Count;
            var before = await session.RenderCountAsync();
            var box = (await session.Page.GetByRole(AriaRole.Button, new() { Name = target, Exact = true }).BoundingBoxAsync())!;
            var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
            await PressAsync(session, input, x, y);
            if (delay > 0)
            {
                // The worst case: the next screen is already there (no page time passed while its answer came), so its
                // controls lie under the finger for exactly `delay` ms when the second press comes.
                await RenderedAsync(session, before);
                await session.Page.Clock.RunForAsync(delay);
            }

            await PressAsync(session, input, x, y);
            await RenderedAsync(session, before);

            var reports = session.ReportsSent.Skip(sent).ToList();
            reports.Should().HaveCount(requests, "one {0} on '{1}' {2} ms apart answers the {3} screen once", input == "touch" ? "double-tap" : "double click", target, delay, screen);
            foreach (var report in reports)
            {
                ShouldHoldOnlyWhatWasDisplayed(report, displayed, region, delay);
            }

            (await session.ScreenAsync()).Should().Be(next, "after a double press {0} ms apart the next screen is shown, not answered", delay);
            if (next == "question" && screen == "question")
            {
                (await session.Main.GetAttributeAsync("data-item")).Should().NotBe(item);
            }

            // The second press was refused as the screen had not settled: it settles 400 ms after it appeared, not sooner.
            await session.Page.Clock.RunForAsync(SettleMs - 1 - delay);
            (await SettlingAsync(session)).Should().BeTrue("the {0} screen's controls are still disabled 399 ms after it appeared", next);
            await session.Page.Clock.RunForAsync(1);
            (await SettlingAsync(session)).Should().BeFalse("the {0} screen's controls take a tap 400 ms after it appeared", next);

            before = await session.RenderCountAsync();
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();
            await RenderedAsync(session, before);
            await session.Page.Clock.RunForAsync(SettleMs);
            (await SettlingAsync(session)).Should().BeFalse();
            (await session.ScreenAsync()).Should().Be(screen, "Back returns to the screen for the next speed");
            if (!string.IsNullOrEmpty(item))
            {
                displayed.Remove(item);
            }

            foreach (var report in session.ReportsSent.Skip(sent))
            {
                ShouldHoldOnlyWhatWasDisplayed(report, displayed.Append(item ?? "").ToHashSet(StringComparer.Ordinal), region, delay);
            }
        }

        session.ShouldHaveNoProblems();
    }

    /// <summary>
    /// Waits (in real time; the page's clock stands still) until a screen after render number <paramref name="before"/>
    /// is drawn and no request runs.
    /// </summary>
    private static async Task RenderedAsync(PageSession session, int before) => await session.Page.WaitForFunctionAsync(
        "n => Number(document.querySelector('main').dataset.render) > n && document.querySelector('main').getAttribute('aria-busy') !== 'true'",
        before,
        new() { PollingInterval = 20 });

    /// <summary>Whether the screen is still settling: <c>data-settling</c> on main, and every answer button disabled.</summary>
    private static async Task<bool> SettlingAsync(PageSession session)
    {
        var settling = await session.Main.GetAttributeAsync("data-settling") is not null;
        var enabled = await session.Page.EvaluateAsync<int>("[...document.querySelectorAll('main button:not([data-keep])')].filter(b => !b.disabled).length");
        (enabled == 0).Should().Be(settling, "the answer buttons are disabled exactly while the screen settles");
        return settling;
    }

    /// <summary>Goes to the screen; gives the button to double-press, the screen it leads to and how many reports that sends.</summary>
    private static async Task<(string Target, string Next, int Requests)> ReachAsync(PageSession session, string screen, HashSet<string> displayed, Action<string?> region)
    {
        if (screen == "date")
        {
            await session.Page.GetByLabel("Date of your operation").FillAsync(DateTime.Now.Date.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return ("Start", "neck", 0);
        }

        await session.StartAsync();
        if (screen == "neck")
        {
            return ("Neck not included", "back", 0);
        }

        if (screen == "back")
        {
            await session.ClickAsync("Neck not included");
            return ("Not sure", "question", 1);
        }

        region("cervical");
        await session.ClickAsync("Neck included");
        while (await session.ScreenAsync() != screen)
        {
            var item = await session.Main.GetAttributeAsync("data-item");
            displayed.Add(item!);
            await session.ClickAsync(await session.ScreenAsync() == "temperature" ? "Not measured" : "No");
        }

        return screen switch
        {
            "question" => ("No", "question", 1),
            "temperature" => ("Continue", "question", 1),
            _ => ("2", "question", 1),
        };
    }

    private static async Task PressAsync(PageSession session, string input, float x, float y)
    {
        if (input == "touch")
        {
            await session.Page.Touchscreen.TapAsync(x, y);
        }
        else
        {
            await session.Page.Mouse.ClickAsync(x, y);
        }
    }

    private static void ShouldHoldOnlyWhatWasDisplayed(JsonObject report, HashSet<string> displayed, string? region, int delay)
    {
        var given = report["answers"]!.AsObject().Select(a => a.Key).ToList();
        if (report.ContainsKey("temperature"))
        {
            given.Add("temperature");
        }

        if (report.ContainsKey("painScore"))
        {
            given.Add("painScore");
        }

        given.AddRange((report["skipped"]?.AsArray() ?? []).Select(s => s!.GetValue<string>()));
        given.Where(id => !displayed.Contains(id)).Should().BeEmpty("the report sent after a double press {0} ms apart holds only answers to questions shown on the screen", delay);
        report["surgeryRegion"]?.GetValue<string>().Should().Be(region, "the page sends no region the patient did not give");
        if (region is null)
        {
            report.ContainsKey("surgeryRegion").Should().BeFalse("the page sends no region the patient did not give");
        }
    }
}
