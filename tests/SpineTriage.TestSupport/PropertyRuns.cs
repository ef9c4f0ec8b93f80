using System.Globalization;

namespace SpineTriage.TestSupport;

/// <summary>
/// How many examples each property, or each test over generated reports, runs. Mutation testing
/// (scripts/mutation.sh) reruns these tests for every mutant and lowers the count with
/// SPINETRIAGE_PROPERTY_PERCENT (1 to 100); a normal test run uses the full counts.
/// </summary>
public static class PropertyRuns
{
    /// <summary>The environment variable that lowers the counts: a whole number from 1 to 100 (percent).</summary>
    public const string PercentVariable = "SPINETRIAGE_PROPERTY_PERCENT";

    private static readonly int Percent =
        int.TryParse(Environment.GetEnvironmentVariable(PercentVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            ? Math.Clamp(percent, 1, 100)
            : 100;

    /// <summary>The number of iterations to run out of <paramref name="full"/>; at least 1.</summary>
    public static int Scaled(int full) => Math.Max(1, full * Percent / 100);
}
