using System.Buffers;

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

        try
        {
            return request.ContentLength is { } length ? await ReadExactlyAsync(request.Body, (int)length, cancellationToken) : await ReadChunkedAsync(request.Body, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    // A declared length (the usual case): one array of exactly that size, read into directly (no copy, no chunk buffer).
    private static async Task<byte[]> ReadExactlyAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var at = 0;
        int read;
        while (at < length && (read = await body.ReadAsync(bytes.AsMemory(at), cancellationToken)) > 0)
        {
            at += read;
        }

        // The server ends a body at its declared length; one cut short throws (the client-error middleware answers it).
        return WithoutMark(bytes.AsSpan(0, at), bytes.Length == at ? bytes : null);
    }

    // A chunked body: read through a pooled chunk, never more than the limit.
    private static async Task<byte[]?> ReadChunkedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return WithoutMark(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), whole: null);
    }

    // The bytes without a leading byte-order mark: the array itself when it holds exactly the bytes and no mark.
    private static byte[] WithoutMark(ReadOnlySpan<byte> bytes, byte[]? whole) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..].ToArray() : whole ?? bytes.ToArray();

    /// <summary>Answers 413 for a body over the limit.</summary>
    public static Task TooLargeAsync(HttpContext context) => Problems.WriteAsync(
        context,
        StatusCodes.Status413PayloadTooLarge,
        "The request body is too large.",
        Problems.TooLarge,
        $"The request body is larger than {MaxBytes} bytes (1 MiB); a symptom report is a few kilobytes.");
}
