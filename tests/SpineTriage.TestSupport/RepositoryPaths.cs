namespace SpineTriage.TestSupport;

/// <summary>
/// The repository's files, found from the test's output folder by walking up to <c>SpineTriage.sln</c>. Tests never use
/// <c>[CallerFilePath]</c> for this: a deterministic (CI) build maps source paths to <c>/_/</c>, which is not a folder.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds <c>SpineTriage.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of a file or folder of the repository.</summary>
    /// <param name="relativePath">The path from the repository root, with <c>/</c> between its parts.</param>
    /// <returns>The full path (which need not exist).</returns>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpineTriage.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SpineTriage.sln was not found above " + AppContext.BaseDirectory);
    }
}
