namespace SpineTriage.Server.CdsHooks;

/// <summary>
/// CORS for browser-hosted clients (CDS Hooks sandboxes, SMART apps, the patient page of another origin): CDS Hooks
/// discovery is public (any origin, GET); every other endpoint (the CDS service and its feedback, <c>/fhir</c>,
/// <c>/api</c>) answers only the origins in <c>Cors:AllowedOrigins</c> (none by default), with the headers CDS Hooks and
/// SMART clients send. Preflight requests are answered by the CORS middleware (204), allowed or not.
/// </summary>
public static class CorsSetup
{
    /// <summary>The policy of CDS Hooks discovery: any origin.</summary>
    public const string Public = "public";

    /// <summary>The policy of every other endpoint: the configured origins.</summary>
    public const string Configured = "configured";

    /// <summary>The request headers allowed: what CDS Hooks and SMART on FHIR clients send.</summary>
    public static readonly IReadOnlyList<string> Headers = ["Authorization", "Content-Type", "Accept", "Accept-Language", "Prefer", "If-None-Match", "X-Request-Id"];

    /// <summary>Registers both policies from <c>Cors:AllowedOrigins</c> (absolute http(s) origins; anything else stops the start).</summary>
    public static void AddServerCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || origin.EndsWith('/') || origin == "*")
            {
                throw new InvalidOperationException("Each Cors:AllowedOrigins entry must be an origin such as https://ehr.example.org (scheme, host and port only; no '*').");
            }
        }

        services.AddCors(options =>
        {
            options.AddPolicy(Public, policy => policy.AllowAnyOrigin().WithMethods("GET").WithHeaders([.. Headers]));
            options.AddPolicy(Configured, policy =>
            {
                var builder = policy.WithMethods("GET", "POST").WithHeaders([.. Headers]).WithExposedHeaders("WWW-Authenticate", "Retry-After", "Location");
                if (origins.Length > 0)
                {
                    builder.WithOrigins(origins);
                }
                else
                {
                    // No origin configured: no origin is allowed.
                    builder.SetIsOriginAllowed(_ => false);
                }
            });
        });
    }

    /// <summary>The CORS middleware with the configured policy for every endpoint that names none.</summary>
    public static void UseServerCors(this IApplicationBuilder app) => app.UseCors(Configured);
}
