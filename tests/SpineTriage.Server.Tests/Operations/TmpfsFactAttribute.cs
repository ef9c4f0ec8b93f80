using System.Diagnostics;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// A fact that mounts a small tmpfs (a real file system that fills up): it needs root and the right to mount (CI runs as
/// root). Where a probe mount fails the test is reported as skipped, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public TmpfsFactAttribute()
    {
        if (Unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Mounts a tmpfs of the given size at a new folder.</summary>
    public static string Mount(string sizeKiB)
    {
        var folder = Path.Combine(Path.GetTempPath(), "spinetriage-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeKiB}k", "tmpfs", folder);
        return folder;
    }

    /// <summary>Unmounts and removes the folder.</summary>
    public static void Unmount(string folder)
    {
        Run("umount", "-l", folder);
        Directory.Delete(folder, recursive: true);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "mounting a tmpfs needs root on Linux (CI runs as root): the real full-disk test is skipped.";
        }

        try
        {
            Unmount(Mount("64"));
            return null;
        }
        catch (InvalidOperationException exception)
        {
            return "a tmpfs cannot be mounted here (" + exception.Message + "): the real full-disk test is skipped.";
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{command} exited {process.ExitCode}: {error.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{command} cannot be run: {exception.Message}", exception);
        }
    }
}
