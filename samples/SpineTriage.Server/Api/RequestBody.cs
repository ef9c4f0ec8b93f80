namespace SpineTriage.Server.Api;

/// <summary>
/// Reads a request body into memory, never more than the service's limit, for every endpoint alike: a leading UTF-8
/// byte-order mark is dropped (one rule for the JSON API, CDS Hooks and FHIR: RFC 8259 lets a reader ignore it).
/// </summary>
internal static class RequestBody
{
    /// <summary>The largest body accepted: 1 MiB, as the library's largest report.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads the body without its byte-order mark, or returns <see langword="null"/> when it is larger than
    /// <see cref="MaxBytes"/>. A malformed (bad chunk), too slow or aborted body throws the server's exception, which the
    /// service's client-error middleware answers (400, 408) or logs at debug level (aborted).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var capacity = request.ContentLength is { } length ? (int)length : 4096;
        using var buffer = new MemoryStream(capacity);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return bytes.StartsWith("\uFEFF"u8) ? bytes[3..].ToArray() : bytes.ToArray();
    }

    /// <summary>Answers 413 for a body over the limit.</summary>
    public static Task TooLargeAsync(HttpContext context) => Problems.WriteAsync(
        context,
        StatusCodes.Status413PayloadTooLarge,
        "The request body is too large.",
        Problems.TooLarge,
        $"The request body is larger than {MaxBytes} bytes (1 MiB); a symptom report is a few kilobytes.");
}
