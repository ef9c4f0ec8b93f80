using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Validation;

namespace SpineTriage.Server.Api;

/// <summary>Writes RFC 9457 problem details (<c>application/problem+json</c>) with the library's errors.</summary>
internal static class Problems
{
    /// <summary>The media type of problem details.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>The error code of a body over the size limit (the library's <see cref="ErrorCodes.TooLarge"/>).</summary>
    public const string TooLarge = ErrorCodes.TooLarge;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a problem with every error, each as <c>{ path, code, message }</c>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, IReadOnlyList<ValidationError> errors)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", "about:blank");
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteStartArray("errors");
            foreach (var error in errors)
            {
                json.WriteStartObject();
                json.WriteString("path", error.Path);
                json.WriteString("code", error.Code);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    /// <summary>Writes a problem with one error at <c>$</c>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string code, string message) =>
        WriteAsync(context, status, title, [new ValidationError("$", code, message)]);
}
