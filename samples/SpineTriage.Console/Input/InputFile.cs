using System.Text;

namespace SpineTriage.ConsoleHost.Input;

/// <summary>
/// Reads a report or case file (or standard input) of at most <see cref="MaxBytes"/>: a symptom report is a
/// few kilobytes, so a larger input is refused before it is loaded into memory.
/// </summary>
internal static class InputFile
{
    /// <summary>The largest input accepted: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the bytes of a file, or of standard input for <c>-</c>.</summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="io">The host's streams, for <c>-</c>.</param>
    /// <param name="content">The bytes read.</param>
    /// <param name="error">Why nothing could be read, as one sentence.</param>
    /// <returns>Whether the input was read.</returns>
    public static bool TryReadBytes(string path, ConsoleIO io, out ReadOnlyMemory<byte> content, out string error)
    {
        content = default;
        if (path == StandardInput)
        {
            return TryReadBounded(io.OpenInput(), "standard input", out content, out error);
        }

        if (Directory.Exists(path))
        {
            error = $"{path} is a directory, not a file.";
            return false;
        }

        if (!File.Exists(path))
        {
            error = $"{path}: no such file.";
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return TryReadBounded(stream, path, out content, out error);
        }
        catch (UnauthorizedAccessException)
        {
            error = $"{path}: permission denied.";
            return false;
        }
        catch (IOException e)
        {
            error = $"{path}: cannot be read ({e.Message}).";
            return false;
        }
    }

    /// <summary>Reads a file as UTF-8 text (a leading byte-order mark is dropped).</summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="io">The host's streams, for <c>-</c>.</param>
    /// <param name="text">The text read.</param>
    /// <param name="error">Why nothing could be read, as one sentence.</param>
    /// <returns>Whether the file was read.</returns>
    public static bool TryReadText(string path, ConsoleIO io, out string text, out string error)
    {
        text = "";
        if (!TryReadBytes(path, io, out var content, out error))
        {
            return false;
        }

        var bytes = content.Span;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = $"{path} is not UTF-8 text.";
            return false;
        }
    }

    private static bool TryReadBounded(Stream stream, string name, out ReadOnlyMemory<byte> content, out string error)
    {
        // One byte more than allowed tells "exactly 1 MiB" from "larger", without reading the rest.
        var buffer = GC.AllocateUninitializedArray<byte>(MaxBytes + 1);
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            content = default;
            error = $"{name} is larger than 1 MiB ({MaxBytes} bytes); a symptom report is a few kilobytes of JSON.";
            return false;
        }

        content = buffer.AsMemory(0, length);
        error = "";
        return true;
    }
}
