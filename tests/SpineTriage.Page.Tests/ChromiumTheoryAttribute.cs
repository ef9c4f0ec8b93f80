namespace SpineTriage.Page.Tests;

/// <summary>A theory that needs Debian's Chromium, skipped where it is missing (as <see cref="ChromiumFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(PageServer.ChromiumPath))
        {
            Skip = $"{PageServer.ChromiumPath} is missing: install it with 'apt-get install -y chromium' (.ci/run does) to run the browser tests.";
        }
    }
}
