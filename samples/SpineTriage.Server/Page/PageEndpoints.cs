using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using SpineTriage.Engine;
using SpineTriage.Texts;
namespace SpineTriage.Server.Page;

/// <summary>
/// Serves the patient page (docs/page.md): <c>wwwroot/index.html</c> at <c>/</c> and its script, style sheet and icon, from
/// resources embedded in the server (so the page is there whatever the content root), each with the page's security
/// headers: a Content-Security-Policy that allows nothing but this origin, no referrer, no framing, no caching.
/// </summary>
internal static partial class PageEndpoints
{
    /// <summary>
    /// The page's Content-Security-Policy: scripts, styles, images and API calls from this origin only; no inline
    /// script or style, no plug-ins, no framing, forms and base URL locked.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The files of the page: request path, embedded resource name, media type.</summary>
    private static readonly (string Path, string Resource, string MediaType)[] Files =
    [
        ("/", "wwwroot.index.html", "text/html; charset=utf-8"),
        ("/page.js", "wwwroot.page.js", "text/javascript; charset=utf-8"),
        ("/page.css", "wwwroot.page.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "wwwroot.favicon.svg", "image/svg+xml"),
    ];

    /// <summary>
    /// Maps <c>GET /</c>, <c>GET /page.js</c> and <c>GET /page.css</c>, <c>GET /favicon.svg</c>, and
    /// <c>GET /page-settings.json</c> (the deployment's telephone numbers, <see cref="PageSettings"/>).
    /// </summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var engine = routes.ServiceProvider.GetRequiredService<TriageEngine>();
        var settings = PageSetup.Document(PageSettings.From(routes.ServiceProvider.GetRequiredService<IConfiguration>()), engine);
        var assembly = typeof(PageEndpoints).Assembly;
        var contents = Files.ToFrozenDictionary(
            file => file.Path,
            file =>
            {
                using var stream = assembly.GetManifestResourceStream(file.Resource)
                    ?? throw new InvalidOperationException($"The page file {file.Resource} is not embedded in the server.");
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return file.Path == "/" ? Render(memory.ToArray(), engine) : memory.ToArray();
            },
            StringComparer.Ordinal);
        foreach (var (path, body, mediaType) in Files.Select(f => (f.Path, contents[f.Path], f.MediaType)).Append(("/page-settings.json", settings, "application/json")))
        {
            routes.MapGet(path, (HttpContext context) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers.CacheControl = "no-store";
                return TypedResults.Bytes(body, mediaType);
            })
            .ExcludeFromDescription()
            .DisableRateLimiting();
        }

        PageInterview.Map(routes);
    }

    /// <summary>
    /// Fills <c>index.html</c>'s <c>{{key}}</c> marks with the registry's texts in the service's language (as the engine words
    /// them: its overrides and emergency number), HTML-encoded, and <c>{{languages}}</c> with one button per language of the
    /// registry, named in its own language: the page's first words, before its script loads the texts, are the registry's too.
    /// A mark that is not a key stops the start (fail closed).
    /// </summary>
    private static byte[] Render(byte[] template, TriageEngine engine)
    {
        var language = engine.Options.Language;
        var texts = engine.TextsIn(language);
        var buttons = string.Join("\n", TextLanguages.All.Select(l =>
            $"      <button type=\"button\" class=\"language\" lang=\"{l}\" data-language=\"{l}\" aria-pressed=\"{(l == language ? "true" : "false")}\">{Html(engine.TextsIn(l).Raw("label.page.languageName"))}</button>"));
        var html = Mark().Replace(Encoding.UTF8.GetString(template), match => match.Groups[1].Value switch
        {
            "language" => language,
            "languages" => buttons,
            var key => texts.Has(key) ? Html(texts.Raw(key)) : throw new InvalidOperationException($"index.html names {key}, which is not a key of the text registry."),
        });
        return Encoding.UTF8.GetBytes(html);
    }

    /// <summary>A text as HTML: the five characters HTML gives a meaning escaped, every other character as it is (UTF-8).</summary>
    private static string Html(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{([A-Za-z0-9.]+)\}\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Mark();
}
