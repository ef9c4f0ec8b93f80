using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpineTriage.Server.Fhir;
using SpineTriage.Validation;

namespace SpineTriage.Server.Api;

/// <summary>
/// Writes RFC 9457 problem details (<c>application/problem+json</c>) with the library's errors, and is the one place every
/// error answer passes through (FHIR's OperationOutcomes too, through <see cref="Bounded"/>): an echoed value is never
/// more than <see cref="MaxEcho"/> characters, whatever surface produced the error.
/// </summary>
internal static class Problems
{
    /// <summary>The media type of problem details.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>The error code of a body over the size limit (the library's <see cref="ErrorCodes.TooLarge"/>).</summary>
    public const string TooLarge = ErrorCodes.TooLarge;

    /// <summary>The longest echoed value (a quoted value in a message, a segment of a path) in an answer, as the library's own.</summary>
    public const int MaxEcho = 40;

    /// <summary>The longest path in an answer, whatever its segments.</summary>
    public const int MaxPath = 400;

    /// <summary>The longest message in an answer, whatever it quotes.</summary>
    public const int MaxMessage = 600;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a problem with every error, each as <c>{ path, code, message }</c>, each bounded (<see cref="Bounded"/>).</summary>
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
            foreach (var error in errors.Select(Bounded))
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

    /// <summary>Writes one error in the request's surface: an OperationOutcome under <c>/fhir</c>, problem details elsewhere.</summary>
    public static Task WriteForRequestAsync(HttpContext context, int status, string title, string code, string message) =>
        FhirApi.IsFhir(context.Request)
            ? FhirApi.WriteErrorsAsync(context, status, [new ValidationError("$", code, message)])
            : WriteAsync(context, status, title, code, message);

    /// <summary>
    /// The error as it may be answered: every quoted value of its message and every segment of its path cut to
    /// <see cref="MaxEcho"/> characters and an ellipsis (the library's own rule), the whole path to <see cref="MaxPath"/>
    /// and the message to <see cref="MaxMessage"/>. Errors of the library are already within these bounds; those of the
    /// Firely SDK (an element name, a literal) are not.
    /// </summary>
    public static ValidationError Bounded(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var path = Cut(BoundSegments(error.Path), MaxPath);
        var message = Cut(BoundQuotes(error.Message), MaxMessage);
        return ReferenceEquals(path, error.Path) && ReferenceEquals(message, error.Message) ? error : error with { Path = path, Message = message };
    }

    // The library's echoes are 40 characters and an ellipsis, inside quotes: those are left as they are.
    private static bool TooLong(int length) => length > MaxEcho + 3;

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private static string BoundSegments(string path)
    {
        if (path.Length <= MaxEcho)
        {
            return path;
        }

        StringBuilder? bounded = null;
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] is not ('.' or '[' or ']'))
            {
                continue;
            }

            if (TooLong(i - start))
            {
                bounded ??= new StringBuilder(path.Length > 1024 ? 1024 : path.Length).Append(path, 0, start);
                bounded.Append(path, start, MaxEcho).Append('…');
            }
            else
            {
                bounded?.Append(path, start, i - start);
            }

            if (i < path.Length)
            {
                bounded?.Append(path[i]);
            }

            start = i + 1;
        }

        return bounded?.ToString() ?? path;
    }

    // A quoted value opens with ' or " at the start or after a space or bracket (never an apostrophe inside a word) and
    // closes with the same quote followed by the end, a space or punctuation.
    private static string BoundQuotes(string message)
    {
        if (message.Length <= MaxEcho)
        {
            return message;
        }

        StringBuilder? bounded = null;
        var copied = 0;
        for (var i = 0; i < message.Length; i++)
        {
            var quote = message[i];
            if (quote is not ('\'' or '"') || (i > 0 && !(char.IsWhiteSpace(message[i - 1]) || message[i - 1] is '(' or '[' or ':' or '=')))
            {
                continue;
            }

            var close = i + 1;
            while (close < message.Length && !(message[close] == quote && (close + 1 == message.Length || !char.IsLetterOrDigit(message[close + 1]))))
            {
                close++;
            }

            var length = close - i - 1;
            if (TooLong(length))
            {
                bounded ??= new StringBuilder(MaxMessage + 64);
                bounded.Append(message, copied, i + 1 - copied).Append(message, i + 1, MaxEcho).Append('…');
                copied = close; // the closing quote (or the end) is copied with what follows
            }

            i = close;
        }

        return bounded is null ? message : bounded.Append(message, copied, message.Length - copied).ToString();
    }
}
