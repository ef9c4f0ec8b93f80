namespace SpineTriage.Aot.Tests;

/// <summary>
/// A test of the Native AOT binary of the console host: runs when <c>SPINETRIAGE_AOT_BINARY</c> names an existing file
/// (.ci/run publishes it and sets the variable), and is skipped, with the reason shown, otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AotFactAttribute : FactAttribute
{
    public const string Variable = "SPINETRIAGE_AOT_BINARY";

    public AotFactAttribute()
    {
        var binary = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(binary))
        {
            Skip = $"{Variable} is not set: publish the console with Native AOT (.ci/run does; docs/performance.md) and set it to the binary.";
        }
        else if (!File.Exists(binary))
        {
            Skip = $"{Variable} names {binary}, which does not exist (the native toolchain, clang and zlib1g-dev, may be missing).";
        }
    }
}
