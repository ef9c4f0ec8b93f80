using SpineTriage.TestSupport;

namespace SpineTriage.Tests.Traceability;

/// <summary>The repository's files, found from the test's output folder by walking up to SpineTriage.sln.</summary>
internal static class Repository
{
    /// <summary>Set to 1 to rewrite generated documents instead of failing when they are stale.</summary>
    public const string UpdateVariable = "UPDATE_DOCS";

    public static string Root => RepositoryPaths.Root;

    public static string PathOf(string relativePath) => RepositoryPaths.PathOf(relativePath);

    /// <summary>
    /// Asserts that a generated document is up to date; with UPDATE_DOCS=1 it is written instead.
    /// Line endings are compared as \n, so a checkout with CRLF endings is not stale.
    /// </summary>
    public static void AssertGenerated(string relativePath, string expected)
    {
        var path = PathOf(relativePath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (actual != expected)
        {
            Assert.Fail($"{relativePath} is stale: {FirstDifference(actual, expected)}. It is generated from the code; regenerate it with "
                + $"{UpdateVariable}=1 dotnet test tests/SpineTriage.Tests --filter \"FullyQualifiedName~Traceability\"");
        }
    }

    private static string FirstDifference(string? actual, string expected)
    {
        if (actual is null)
        {
            return "the file does not exist";
        }

        var actualLines = actual.Split('\n');
        var expectedLines = expected.Split('\n');
        for (var i = 0; i < Math.Max(actualLines.Length, expectedLines.Length); i++)
        {
            var found = i < actualLines.Length ? actualLines[i] : null;
            var wanted = i < expectedLines.Length ? expectedLines[i] : null;
            if (found != wanted)
            {
                return $"line {i + 1} is {Quote(found)} but the code gives {Quote(wanted)}";
            }
        }

        return "it differs";

        static string Quote(string? line) => line is null ? "(end of file)" : $"\"{line}\"";
    }
}
