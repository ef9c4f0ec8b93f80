using System.Collections.Frozen;
using System.Text.Json;
using SpineTriage.Engine;
using SpineTriage.Texts;

namespace SpineTriage.Server.Page;

/// <summary>
/// <c>GET /texts/{language}.json</c>: every text of the library's registry in one language, as the engine words its results
/// (its overrides and emergency number), so that a front end shows the library's words instead of keeping its own
/// (issue 27): <c>{"language":"es","textSet":{"language":"es","hash":"sha256:…"},"texts":{"key":"text",…}}</c>, texts
/// with placeholders (<c>{name}</c>) as stored. A language the registry lacks is 404.
/// </summary>
internal static class PageTexts
{
    /// <summary>Maps the endpoint; the documents are written once, when the server starts.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var engine = routes.ServiceProvider.GetRequiredService<TriageEngine>();
        var documents = TextLanguages.All.ToFrozenDictionary(l => l, l => Document(engine, l), StringComparer.Ordinal);
        routes.MapGet("/texts/{language}.json", (string language, HttpContext context) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            return documents.TryGetValue(language, out var body)
                ? Microsoft.AspNetCore.Http.Results.Bytes(body, "application/json")
                : Microsoft.AspNetCore.Http.Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown language", detail: $"There are no texts in that language: use one of {string.Join(", ", TextLanguages.All)}.");
        });
    }

    private static byte[] Document(TriageEngine engine, string language)
    {
        var texts = engine.TextsIn(language);
        var identity = engine.TextSetFor(language);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("language", language);
            json.WriteStartObject("textSet");
            json.WriteString("language", identity.Language);
            json.WriteString("hash", identity.Hash);
            json.WriteEndObject();
            json.WriteStartObject("texts");
            foreach (var key in texts.Keys)
            {
                json.WriteString(key, texts.Raw(key));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
