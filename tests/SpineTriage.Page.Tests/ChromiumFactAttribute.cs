namespace SpineTriage.Page.Tests;

/// <summary>
/// A fact that needs Debian's Chromium at <see cref="PageServer.ChromiumPath"/>: where it is missing the test is reported
/// as skipped (never as passed), with the way to install it. <c>.ci/run</c> installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(PageServer.ChromiumPath))
        {
            Skip = $"{PageServer.ChromiumPath} is missing: install it with 'apt-get install -y chromium' (.ci/run does) to run the browser tests.";
        }
    }
}
