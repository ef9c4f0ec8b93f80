using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// The service as a real process (the SpineTriage.Server.dll next to the tests) on a free loopback port, to be killed
/// with SIGKILL (<see cref="Kill()"/>) as an orchestrator or a power cut would.
/// </summary>
public sealed partial class RealServer : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RealServer(Process process) => _process = process;

    /// <summary>Gets the base address, http://127.0.0.1:port.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>Gets the process's output lines so far (warning level and the start lines).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the service with the given settings (as --Key value arguments) and waits until it listens.</summary>
    public static RealServer Start(IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SpineTriage.Server.dll"));
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["contentRoot"] = workingDirectory,
            ["RateLimit:PermitLimit"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings)
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add("--" + key);
            start.ArgumentList.Add(value);
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new RealServer(process);
        var lines = server._output;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The server stopped before it listened: " + string.Join("\n", lines)));
                return;
            }

            lines.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.Address = listening.Task.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
            return server;
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Kills the process with SIGKILL, without any chance to flush or close, and waits for it to be gone.</summary>
    public void Kill() => Kill(_process);

    /// <summary>Waits until the service reports itself ready (bounded).</summary>
    public async Task<bool> ReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri(Address, "/health/ready"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        return false;
    }

    public void Dispose()
    {
        Kill(_process);
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Unix
        }

        process.WaitForExit(30_000);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
