using System.Diagnostics;
using System.Reflection;
using System.Text;
using SpineTriage.ConsoleHost;
using SpineTriage.TestSupport;

namespace SpineTriage.Console.Tests;

/// <summary>What one run of the host printed and returned.</summary>
public sealed record HostRun(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public string[] ErrorLines => Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}

/// <summary>
/// Runs the console host: in-process by default (<see cref="Run(string[])"/>: the command line of the real host with
/// standard input from bytes and output and error to strings, as when every stream is redirected), or as a process
/// (<see cref="RunProcess(string[])"/>: the built host of the same configuration, <c>dotnet SpineTriage.Console.dll</c>),
/// for what only a process shows: the exit code the shell sees, piped standard input, the real console streams.
/// </summary>
public static class SpineTriageHost
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Gets "today" of every in-process run: the host reads it from a fake clock (<see cref="TestClock"/>), never from the machine's.</summary>
    public static DateOnly Today { get; } = ReportBuilder.Today;

    public static string HostDll { get; } = FindHostDll();

    /// <summary>A sample report of rule set 2.0 (samples/reports).</summary>
    public static string SampleReport(string name) => Path.Combine(RepositoryRoot, "samples", "reports", name);

    /// <summary>A sample report of rule set 1.0 (samples/reports/rule-set-1.0).</summary>
    public static string SampleReportV1(string name) => Path.Combine(RepositoryRoot, "samples", "reports", "rule-set-1.0", name);

    /// <summary>Runs a command line in-process, with empty standard input.</summary>
    public static HostRun Run(params string[] args) => Run(args, stdin: (byte[]?)null);

    /// <summary>Runs a command line in-process, with standard input from UTF-8 text.</summary>
    public static HostRun Run(string[] args, string stdin) => Run(args, Encoding.UTF8.GetBytes(stdin));

    /// <summary>Runs a command line in-process, with standard input from bytes.</summary>
    public static HostRun Run(string[] args, byte[]? stdin)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = SpineTriageCli.Run(args, ConsoleIO.Redirected(stdin ?? [], output, error), TestClock.At(Today));
        return new HostRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built host as a process, with empty standard input.</summary>
    public static HostRun RunProcess(params string[] args) => RunProcess(args, stdin: (byte[]?)null);

    /// <summary>Runs the built host as a process, with standard input from UTF-8 text.</summary>
    public static HostRun RunProcess(string[] args, string stdin) => RunProcess(args, Encoding.UTF8.GetBytes(stdin));

    /// <summary>Runs the built host as a process, with standard input from bytes.</summary>
    public static HostRun RunProcess(string[] args, byte[]? stdin) => RunProcess(args, stdin, environment: null);

    /// <summary>Runs the built host as a process, with standard input from bytes and more environment variables.</summary>
    public static HostRun RunProcess(string[] args, byte[]? stdin, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(HostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var input = Task.Run(() => Feed(process.StandardInput.BaseStream, stdin));
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"spinetriage {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        input.Wait(Timeout);
        return new HostRun(process.ExitCode, output.Result, error.Result);
    }

    private static void Feed(Stream stdin, byte[]? bytes)
    {
        try
        {
            if (bytes is not null)
            {
                stdin.Write(bytes);
            }

            stdin.Close();
        }
        catch (IOException)
        {
            // The host may stop reading early (a refused 30 MB input, an interview that stopped): a broken pipe is expected.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpineTriage.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SpineTriage.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string FindHostDll()
    {
        var configuration = typeof(SpineTriageHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot, "samples", "SpineTriage.Console", "bin", configuration, "net10.0", "SpineTriage.Console.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"The console host is not built: {dll} is missing (the project reference builds it).");
    }
}
