using System.Threading.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpineTriage.Extensions.DependencyInjection;
using SpineTriage.Server.Api;
using SpineTriage.Server.CdsHooks;
using SpineTriage.Server.Fhir;
using SpineTriage.Server.OpenApi;
using SpineTriage.Server.Operations;
using SpineTriage.Server.Page;

namespace SpineTriage.Server;

/// <summary>Builds the service: configuration, safe defaults, the middleware and every endpoint.</summary>
public static partial class ServerApp
{
    /// <summary>Builds the application from command-line arguments (and appsettings, environment variables).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        Configure(builder);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>Registers the services and limits.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<TriageSettings>(configuration.GetSection("SpineTriage"));
        services.Configure<AuditSettings>(configuration.GetSection("Audit"));
        services.Configure<CdsHooksSettings>(configuration.GetSection("CdsHooks"));
        services.Configure<FhirSettings>(configuration.GetSection("Fhir"));
        var rateLimit = configuration.GetSection("RateLimit").Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (rateLimit.PermitLimit < 0 || rateLimit.WindowSeconds < 1)
        {
            throw new InvalidOperationException("RateLimit:PermitLimit must be 0 (off) or more, and RateLimit:WindowSeconds 1 or more.");
        }

        // The framework's request lines hold the query string (a token in it would be logged): ClientErrors logs each request instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<AuditFileSystem>();
        services.AddSingleton<AuditLog>();
        // The engine comes from the DI package: TriageEngineOptions bound from "SpineTriage" (RuleSet, Language, the
        // thresholds), validated at start-up by the engine's own validator (a bad value stops the start), singleton.
        // The emergency texts name the number the page's call link dials (Page:EmergencyNumber, default 911), issue 27.
        var emergencyNumber = PageSettings.From(configuration).EmergencyNumber.Trim();
        // A local edition (docs/rule-sets.md): SpineTriage:RuleSetFile names its document, relative to the content root,
        // validated here before any engine uses it (an invalid one stops the start, naming every error's JSON path).
        // It is read when the options are first made (at start-up), when every configuration source has been added.
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSpineTriage(options => options with { EmergencyNumber = emergencyNumber, LoadedRuleSet = RuleSetFile(configuration, contentRoot) })
            .Bind(configuration.GetSection("SpineTriage"));
        services.AddSingleton<TriageService>();
        // The jti replay memory: in the audit database when the audit store is PostgreSQL (shared by every instance).
        services.AddSingleton<IJtiReplayCache>(provider => provider.GetRequiredService<AuditLog>().Postgres is { } postgres
            ? ActivatorUtilities.CreateInstance<PostgresJtiReplayCache>(provider, postgres.Data)
            : ActivatorUtilities.CreateInstance<InMemoryJtiReplayCache>(provider));
        services.AddSingleton<CdsJwtValidator>();
        services.AddSingleton<FhirService>();
        services.AddSingleton<IFhirTriageAdapter, FhirTriageAdapter>();
        services.AddSingleton<CdsFhirClient>();
        services.AddServerCors(configuration); // Cors:AllowedOrigins (CdsHooks/CorsSetup.cs)
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<ContractSchemaTransformer>().AddDocumentTransformer<InventoryTransformer>());
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Shutdown:TimeoutSeconds", 30)));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes;
            kestrel.Limits.MaxRequestLineSize = ClientErrors.KestrelMaxRequestLine; // the service answers 414 and 431 itself below these
            kestrel.Limits.MaxRequestHeadersTotalSize = ClientErrors.KestrelMaxHeaderBytes;
            kestrel.AddServerHeader = false;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = rateLimit.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ServerMetrics>().Errors("rateLimit", [SpineTriage.Fhir.FhirErrorCodes.TooManyRequests]);
                var message = $"At most {rateLimit.PermitLimit} requests per {rateLimit.WindowSeconds} s from one client address; try again later.";
                await Problems.WriteForRequestAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests.", SpineTriage.Fhir.FhirErrorCodes.TooManyRequests, message);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                rateLimit.PermitLimit == 0 || context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = rateLimit.PermitLimit,
                            Window = TimeSpan.FromSeconds(rateLimit.WindowSeconds),
                            QueueLimit = 0,
                        }));
        });
    }

    /// <summary>Adds the middleware and maps the endpoints.</summary>
    public static void Configure(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(errors => errors.Run(context => Problems.WriteAsync(
            context, StatusCodes.Status500InternalServerError, "The service failed.", SpineTriage.Fhir.ServiceErrorCodes.InternalError, "The service failed to answer; the failure is logged without the request.")));
        app.UseMiddleware<ClientErrors>(); // clean 4xx for every client error, one request log line without the query
        AuditFaults.Use(app); // a decision the audit store cannot record is answered 503 (docs/reliability.md)
        app.UseServerCors();
        app.UseRateLimiter();

        // Build the engine and open the audit log before the first request, and say what the service runs.
        var service = app.Services.GetRequiredService<TriageService>();
        _ = app.Services.GetRequiredService<AuditLog>(); // opened (torn line cut, migration run) before the first request
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SpineTriage.Server");
        LogStarted(logger, service.Engine.RuleSet.Selector, service.Engine.RuleSet.Version, service.Engine.RuleSet.Hash);
        app.Services.GetRequiredService<CdsJwtValidator>().LogConfiguration();
        _ = app.Services.GetRequiredService<FhirService>(); // a bad Fhir:CanonicalBase stops the start

        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting()
            .WithSummary("Liveness: the process answers (Healthy). Never rate limited.").WithTags("Operations");
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).DisableRateLimiting()
            .WithSummary("Readiness: the engine is built and the audit log can be written (Healthy), else 503. Never rate limited.").WithTags("Operations");
        app.MapOpenApi("/openapi/{documentName}.json");
        PageEndpoints.Map(app); // the patient page at "/" (docs/page.md)
        PageTexts.Map(app); // the registry's texts per language, GET /texts/{language}.json (issue 27)
        JsonApi.Map(app);
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue("LoadTest:EnableFloor", false))
        {
            JsonApi.MapFloor(app); // for load tests only: never answered in Production unless asked for
        }

        CdsHooksApi.Map(app);
        FhirApi.Map(app);
    }

    /// <summary>The rule-set document <c>SpineTriage:RuleSetFile</c> names, loaded and validated; <see langword="null"/> when none is named.</summary>
    /// <exception cref="Rules.RuleSetValidationException">The document is not a valid rule set: the start stops with every error.</exception>
    private static Rules.LoadedRuleSet? RuleSetFile(ConfigurationManager configuration, string contentRoot) =>
        configuration["SpineTriage:RuleSetFile"] is { Length: > 0 } file && !string.IsNullOrWhiteSpace(file)
            ? Rules.LoadedRuleSet.LoadFile(Path.Combine(contentRoot, file))
            : null;

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "SpineTriage service ready: rule set {Selector} (version {Version}, {Hash})")]
    private static partial void LogStarted(ILogger logger, string selector, string version, string hash);

    /// <summary>Ready when the engine is built and the audit log can be written.</summary>
    private sealed class ReadinessCheck(TriageService service, AuditLog audit) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(service.Engine is not null && audit.IsWritable
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The audit log cannot be written."));
    }
}
