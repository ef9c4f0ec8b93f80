using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;

namespace SpineTriage.Page.Tests;

/// <summary>
/// One patient's visit: a fresh browser context (no shared state) at a given width, with checks on every new screen:
/// no axe violation, the heading rules, no horizontal scrolling at 360 px, a screenshot; and a record of every request
/// the page made and of the API's last answer.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    /// <summary>The level names the result heading starts with, in both languages; no other heading may start with one.</summary>
    /// <summary>The urgency names of the registry in every language (label.urgency.*).</summary>
    public static readonly string[] LevelNames = [.. new[] { "en", "es" }.SelectMany(l => Texts(l).Where(t => t.Key.StartsWith("label.urgency.", StringComparison.Ordinal)).Select(t => t.Value!.GetValue<string>()))];

    private readonly IBrowserContext _context;
    private readonly string _name;
    private readonly int _width;
    private readonly bool _touch;
    private readonly HashSet<string> _checkedScreens = [];
    private readonly List<string> _problems = [];

    private PageSession(IBrowserContext context, IPage page, string name, int width, Uri origin, DateTime? clockStart, bool touch)
    {
        _context = context;
        _touch = touch;
        ClockStart = clockStart;
        Page = page;
        _name = name;
        _width = width;
        Origin = origin;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.Request += (_, request) =>
        {
            Requests.Add(request.Url);
            if (request.Url.EndsWith("/interview/next", StringComparison.Ordinal) && request.PostData is { } body)
            {
                ReportsSent.Add(JsonNode.Parse(body)!.AsObject());
            }
        };
        page.Response += async (_, response) =>
        {
            if (response.Url.EndsWith("/interview/next", StringComparison.Ordinal) && response.Ok)
            {
                LastStep = JsonNode.Parse(await response.TextAsync())!.AsObject();
            }
        };
    }

    public IPage Page { get; }

    public Uri Origin { get; }

    /// <summary>
    /// Gets the time (UTC) the page's clock was installed at, when the session has Playwright's clock: 09:00 UTC today, so
    /// that the page's date is the machine's (UTC) date and stays so for hours of running.
    /// </summary>
    public DateTime? ClockStart { get; }

    /// <summary>Gets every URL the page requested.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Gets every report the page sent to its interview (<c>/page/interview/next</c>), in order.</summary>
    public List<JsonObject> ReportsSent { get; } = [];

    /// <summary>Gets the last answer to the page's interview requests.</summary>
    public JsonObject? LastStep { get; private set; }

    /// <summary>Gets the screen now shown: <c>date</c>, <c>neck</c>, <c>back</c>, <c>question</c>, <c>temperature</c>, <c>painScore</c>, <c>result</c>, <c>error</c>.</summary>
    public Task<string?> ScreenAsync() => Main.GetAttributeAsync("data-screen");

    public ILocator Main => Page.Locator("main");

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public static async Task<PageSession> OpenAsync(PageServer server, string name, int width, string locale = "en-US", bool touch = false, int? height = null, bool clock = false)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height ?? (width < 500 ? 740 : 900) },
            Locale = locale,
            TimezoneId = "Europe/Madrid",
            HasTouch = touch,
            IsMobile = touch,
        });
        DateTime? clockStart = null;
        if (clock)
        {
            // The page's timers on Playwright's clock: it runs with real time from clockStart until a test pauses it (DoubleTapTests).
            clockStart = DateTime.UtcNow.Date.AddHours(9);
            await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = clockStart });
        }

        var page = await context.NewPageAsync();
        var session = new PageSession(context, page, name, width, server.Address, clockStart, touch);
        var response = await page.GotoAsync(server.Address.ToString());
        response!.Ok.Should().BeTrue();
        // The first screen is drawn once the page has its settings and the registry's texts (GET /texts/{language}.json).
        await session.QuietAsync(0);
        await session.CheckScreenAsync();
        return session;
    }

    /// <summary>
    /// Opens the page as <see cref="OpenAsync"/> in a language: English with a mouse; Spanish (chosen with its button)
    /// on a touch phone, every press a tap, so that each test run in both languages also runs with both kinds of input.
    /// </summary>
    public static async Task<PageSession> OpenInAsync(PageServer server, string name, int width, string language)
    {
        var session = await OpenAsync(server, name, width, touch: language == "es");
        if (language == "es")
        {
            await session.PressAndWaitAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Español" }));
        }

        return session;
    }

    /// <summary>Presses (taps on a touch phone, else clicks) a button by its exact accessible name and waits for the next screen, which it then checks.</summary>
    public Task ClickAsync(string name) => PressAndWaitAsync(Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }));

    /// <summary>Presses a control as the session's patient does: a tap on a touch phone, else a click.</summary>
    public Task PressAsync(ILocator control) => _touch ? control.TapAsync() : control.ClickAsync();

    /// <summary>Presses a control (<see cref="PressAsync"/>) and waits for the next screen, which it then checks.</summary>
    public async Task PressAndWaitAsync(ILocator control)
    {
        var before = await RenderCountAsync();
        await PressAsync(control);
        await NextScreenAsync(before);
    }

    /// <summary>
    /// Waits until the page rendered a screen after render number <paramref name="before"/>, is not waiting for the
    /// service and the screen has settled (its controls take taps), then checks it.
    /// </summary>
    public async Task NextScreenAsync(int before)
    {
        await QuietAsync(before);
        await CheckScreenAsync();
    }

    /// <summary>Waits for two animation frames (pending input handled), then as <see cref="NextScreenAsync"/> without the checks.</summary>
    public async Task QuietAsync(int before)
    {
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await Page.WaitForFunctionAsync(
            "n => { const m = document.querySelector('main'); return Number(m.dataset.render) > n && m.getAttribute('aria-busy') !== 'true' && m.dataset.settling === undefined; }",
            before);
    }

    public async Task<int> RenderCountAsync() => int.Parse((await Main.GetAttributeAsync("data-render")) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Enters the operation date (30 days ago, local) and presses Start.</summary>
    public async Task StartAsync(string dateLabel = "Date of your operation", string start = "Start")
    {
        var date = DateTime.Now.Date.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GetByLabel(dateLabel).FillAsync(date);
        await ClickAsync(start);
    }

    /// <summary>Answers until the result: the question replies from <paramref name="reply"/>, temperature not measured, the pain score given.</summary>
    public async Task<int> AnswerUntilResultAsync(Func<string, string> reply, string notMeasured = "Not measured", string pain = "2")
    {
        var questions = 0;
        for (var screen = await ScreenAsync(); screen != "result"; screen = await ScreenAsync())
        {
            questions++;
            questions.Should().BeLessThan(40, "the interview ends");
            await ClickAsync(screen switch
            {
                "temperature" => notMeasured,
                "painScore" => pain,
                "question" => reply((await Main.GetAttributeAsync("data-item"))!),
                _ => throw new InvalidOperationException($"unexpected screen {screen}"),
            });
        }

        return questions;
    }

    /// <summary>The checks of every new screen; axe and the screenshot once per kind of screen (and language).</summary>
    public async Task CheckScreenAsync()
    {
        var screen = await ScreenAsync();
        var language = await Page.EvaluateAsync<string>("document.documentElement.lang");
        var headings = await Page.EvaluateAsync<string[]>("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => h.tagName + ' ' + h.textContent.trim())");
        headings.Count(h => h.StartsWith("H1 ", StringComparison.Ordinal)).Should().Be(1, "every screen has exactly one level-1 heading ({0})", screen);
        foreach (var heading in headings.Where(h => screen != "result" || !h.StartsWith("H1 ", StringComparison.Ordinal)))
        {
            var text = heading[3..];
            LevelNames.Where(level => text.StartsWith(level, StringComparison.Ordinal)).Should().BeEmpty("only the result's level-1 heading starts with a level name ({0})", heading);
        }

        if (_width <= 390)
        {
            var scrollWidth = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            scrollWidth.Should().BeLessThanOrEqualTo(_width, "the {0} screen fits a {1} px phone without horizontal scrolling", screen, _width);
        }

        // Every kind of screen, a red-flag question and each result level (its own colours) included.
        var key = $"{screen}-{language}" + (screen == "question" && await Main.Locator(".red-flag").CountAsync() > 0 ? "-redflag" : "")
            + (screen == "result" ? "-" + await Main.GetAttributeAsync("data-level") : "");
        if (_checkedScreens.Add(key))
        {
            var axe = await Page.RunAxe();
            axe.Violations.Should().BeEmpty(
                "axe finds no accessibility violation on the {0} screen: {1}", key,
                string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(key), FullPage = true });

            // Every target at least 44 × 44 px (buttons, links, the unit's radio buttons).
            var small = await Page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('button, a[href], input[type=radio]')].filter(e => e.offsetParent !== null)"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).map(e => e.outerHTML.slice(0, 80))");
            small.Should().BeEmpty("every target on the {0} screen is at least 44 × 44 px", key);

            // The same screen at 200 % text (the browser's text size: every size of page.css is in rem).
            await Page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
            try
            {
                if (_width <= 390)
                {
                    var scrollWidth = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                    scrollWidth.Should().BeLessThanOrEqualTo(_width, "the {0} screen fits a {1} px phone at 200 % text without horizontal scrolling", key, _width);
                }

                var large = await Page.RunAxe();
                large.Violations.Should().BeEmpty(
                    "axe finds no accessibility violation on the {0} screen at 200 % text: {1}", key,
                    string.Join("; ", large.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
                if (_width <= 390)
                {
                    await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(key + "-200"), FullPage = true });
                }
            }
            finally
            {
                await Page.EvaluateAsync("() => { document.documentElement.style.fontSize = ''; }");
            }
        }
    }

    /// <summary>Where the screenshot of a kind of screen is written.</summary>
    public string ScreenshotPath(string key) => Path.Combine(PageServer.ScreenshotFolder, $"{_name}-{key}-{_width}.png");

    /// <summary>The text of the main region as the patient reads it.</summary>
    public Task<string> MainTextAsync() => Main.InnerTextAsync();

    /// <summary>Every text of the API's result is on the page: disposition, each finding's explanation, care advice, safety net.</summary>
    public Task ShouldShowTheWholeResultAsync() => ShouldShowTheWholeResultInAsync(null);

    /// <summary>As <see cref="ShouldShowTheWholeResultAsync"/>, with the result worded in a language (from the answer's <c>results</c>).</summary>
    public async Task ShouldShowTheWholeResultInAsync(string? language)
    {
        LastStep.Should().NotBeNull();
        LastStep!["done"]!.GetValue<bool>().Should().BeTrue();
        var result = (language is null ? LastStep["result"] : LastStep["results"]![language])!.AsObject();
        var text = Normalize(await MainTextAsync());
        var expected = new List<string> { result["disposition"]!.GetValue<string>() };
        // On an emergency the page shows the emergency findings only (docs/page.md): no lower finding's words under "call now".
        var emergency = result["urgency"]!.GetValue<string>() == "emergency";
        expected.AddRange(result["findings"]!.AsArray()
            .Where(f => !emergency || f!["urgency"]!.GetValue<string>() == "emergency")
            .Select(f => f!["patientExplanation"]!.GetValue<string>()));
        expected.AddRange(result["careAdvice"]!.AsArray().Select(a => a!.GetValue<string>()));
        expected.AddRange(result["safetyNet"]!.AsArray().Select(a => a!.GetValue<string>()));
        expected.Should().NotBeEmpty();
        foreach (var line in expected)
        {
            text.Should().Contain(Normalize(line));
        }
    }

    /// <summary>Fails on any console error or warning, page error, or request to another origin.</summary>
    /// <param name="allowFailedRequests">Whether the browser's own "Failed to load resource" lines are expected (a test made the service fail).</param>
    public void ShouldHaveNoProblems(bool allowFailedRequests = false)
    {
        _problems.Where(p => !allowFailedRequests || !p.Contains("Failed to load resource", StringComparison.Ordinal))
            .Should().BeEmpty("the page logs no error and breaks no Content-Security-Policy rule");
        Requests.Should().NotBeEmpty().And.OnlyContain(url => url.StartsWith(Origin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal), "nothing is loaded from or sent to another origin");
    }

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The result's heading as the registry words it: the urgency's name and timeframe (label.page.resultHeading).</summary>
    public static string ResultHeading(string language, string urgency)
    {
        var texts = Texts(language);
        return texts["label.page.resultHeading"]!.GetValue<string>()
            .Replace("{urgency}", texts[$"label.urgency.{urgency}"]!.GetValue<string>(), StringComparison.Ordinal)
            .Replace("{timeframe}", texts[$"label.timeframe.{urgency}"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A text of the registry as stored (placeholders unfilled; {emergencyNumber} as written).</summary>
    public static string Text(string language, string key) => Texts(language)[key]!.GetValue<string>();

    public static JsonObject Texts(string language) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "SpineTriage", "Texts", $"{language}.json")))!["texts"]!.AsObject();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

/// <summary>Where the repository's files are.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpineTriage.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SpineTriage.sln) was not found.");
    }
}
