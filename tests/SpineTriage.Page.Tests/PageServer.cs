using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpineTriage.Server;

namespace SpineTriage.Page.Tests;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 on a random port, and one headless Chromium (Debian's, driven by Playwright)
/// shared by the page tests. Without Chromium nothing starts: the tests are skipped by <see cref="ChromiumFactAttribute"/>.
/// </summary>
public class PageServer : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download is not used (nor reachable here).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinetriage-page-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The surgeon's team's number the page tests configure (Page:CareTeamNumber); the emergency number stays the default 911.</summary>
    public const string CareTeamNumber = "+1 555 0100";

    /// <summary>Gets the audit log the server writes (one line per triage).</summary>
    public string AuditPath => Path.Combine(_folder, "a.jsonl");

    /// <summary>Gets the server's address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets the server's services (its audit log, to wait for its writes).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Gets the browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Gets the folder the screenshots are written to (under the test output folder).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "page-screenshots");

    /// <summary>
    /// Gets the settings this server adds to the command line: rule set 2.0, whose questions the page tests were written
    /// for (the service's default is rule set 3.0; the page's 3.0 walk-through is not yet a browser test).
    /// </summary>
    protected virtual IReadOnlyList<string> Settings => ["--SpineTriage:RuleSet", Rules.RuleSets.V2];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--RateLimit:PermitLimit", "0",
            "--Audit:Path", Path.Combine(_folder, "a.jsonl"), "--Audit:FeedbackPath", Path.Combine(_folder, "f.jsonl"),
            "--Page:CareTeamNumber", CareTeamNumber, .. Settings]);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>The page's server on a named rule set, 2.0 (tests that must not follow the default rule set).</summary>
public sealed class RuleSetTwoPageServer : PageServer
{
    /// <inheritdoc/>
    protected override IReadOnlyList<string> Settings => ["--SpineTriage:RuleSet", Rules.RuleSets.V2];
}
