using System.Collections.Concurrent;
using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpineTriage.Server.Operations;
using SpineTriage.TestSupport;

namespace SpineTriage.Server.Tests;

/// <summary>
/// The service in memory (WebApplicationFactory) in the Production environment, with its audit logs in a temporary
/// folder, its log lines captured, and the given settings.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    /// <summary>The public base URL the tests configure, so the CDS Hooks audience is fixed.</summary>
    public const string PublicBaseUrl = "https://triage.example.org";

    /// <summary>The audience of the CDS Hooks service.</summary>
    public const string Audience = PublicBaseUrl + "/cds-services/spinetriage-post-op-spine";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    public ServerFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production", Action<IServiceCollection>? services = null)
    {
        _services = services;
        Folder = Path.Combine(Path.GetTempPath(), "spinetriage-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Audit:Path"] = Path.Combine(Folder, "triage-audit.jsonl"),
            ["Audit:FeedbackPath"] = Path.Combine(Folder, "cds-feedback.jsonl"),
            ["CdsHooks:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>Gets the temporary folder of the audit logs and key files.</summary>
    public string Folder { get; }

    /// <summary>Gets every log line written, with its structured values and exception.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Gets the lines of the triage audit log.</summary>
    public IReadOnlyList<string> AuditLines
    {
        get
        {
            // Records are written by the audit log's writer thread: wait for it before reading the file.
            Services.GetRequiredService<AuditLog>().WaitForWrites(TimeSpan.FromSeconds(30)).Should().BeTrue("the audit writer keeps up");
            return ReadLines(_settings["Audit:Path"]!);
        }
    }

    /// <summary>Gets the lines of the feedback audit log.</summary>
    public IReadOnlyList<string> FeedbackLines => ReadLines(_settings["Audit:FeedbackPath"]!);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingProvider(Logs));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static List<string> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Captures every log line, as "{level} {category}: {message} | {values} | {exception}", into a queue.</summary>
    public sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {exception}");
        }
    }
}

/// <summary>Where the repository's files are.</summary>
public static class Repository
{
    public static string Root => RepositoryPaths.Root;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}

/// <summary>A random marker that must never appear in a log line.</summary>
public static class Marker
{
    public static string New() => "MARKER" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
}
