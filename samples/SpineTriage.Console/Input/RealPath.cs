namespace SpineTriage.ConsoleHost.Input;

/// <summary>The path of a file or folder with every symbolic link resolved, as <c>realpath(3)</c> gives it.</summary>
internal static class RealPath
{
    // As Linux's limit on links followed in one path (ELOOP).
    private const int MaxLinks = 40;

    /// <summary>Resolves every symbolic link in a path.</summary>
    /// <param name="path">A path.</param>
    /// <returns>The full path without links, or <see langword="null"/> for a loop of links.</returns>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full, root).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the folder that holds the link, which is resolved already.
            var resolved = Path.GetFullPath(target, current);
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            foreach (var each in Parts(resolved, resolvedRoot).Reverse())
            {
                pending.Push(each);
            }

            current = resolvedRoot;
        }

        return current;
    }

    private static string[] Parts(string full, string root) =>
        full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
