using System.Diagnostics.CodeAnalysis;
using System.Text;
using SpineTriage.Validation;

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
    public static bool TryReadBytes(string path, ConsoleIO io, out ReadOnlyMemory<byte> content, out string error) =>
        TryReadBytes(path, io, out content, out error, out _);

    /// <summary>Reads the bytes of a file, or of standard input for <c>-</c>, and says why not with an error code.</summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="io">The host's streams, for <c>-</c>.</param>
    /// <param name="content">The bytes read.</param>
    /// <param name="error">Why nothing could be read, as one sentence.</param>
    /// <param name="code"><see cref="ErrorCodes.TooLarge"/> for an input over <see cref="MaxBytes"/>, otherwise <see cref="ErrorCodes.Unreadable"/>.</param>
    /// <returns>Whether the input was read.</returns>
    public static bool TryReadBytes(string path, ConsoleIO io, out ReadOnlyMemory<byte> content, out string error, out string code)
    {
        content = default;
        code = ErrorCodes.Unreadable;
        Stream? stream;
        if (path == StandardInput)
        {
            stream = io.OpenInput();
            return TryReadBounded(stream, "standard input", out content, out error, ref code);
        }

        if (!TryOpen(path, io.OpenTimeout, out stream, out error))
        {
            return false;
        }

        using (stream)
        {
            try
            {
                return TryReadBounded(stream, path, out content, out error, ref code);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"{path}: cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : "an input or output error")}).";
                return false;
            }
        }
    }

    /// <summary>
    /// Opens a file to read: a missing file, a folder, a file that cannot be opened, and a named pipe (FIFO) that no
    /// program opens for writing within <paramref name="timeout"/> are each one clear sentence, never an exception or a hang.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="timeout">How long to wait for the file to open (only a named pipe without a writer waits).</param>
    /// <param name="stream">The open stream, to dispose.</param>
    /// <param name="error">Why it could not be opened.</param>
    /// <returns>Whether it was opened.</returns>
    public static bool TryOpen(string path, TimeSpan timeout, [NotNullWhen(true)] out Stream? stream, out string error)
    {
        stream = null;
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
            // A file with content is not a named pipe (a pipe's length is 0): open it at once.
            if (new FileInfo(path).Length > 0)
            {
                stream = Open(path);
                error = "";
                return true;
            }
        }
        catch (UnauthorizedAccessException)
        {
            error = $"{path}: permission denied.";
            return false;
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            error = $"{path}: cannot be opened ({(e is NotSupportedException ? "not a file that can be read" : "an input or output error")}).";
            return false;
        }

        // Opening a named pipe blocks until a program opens it for writing: open on a thread of its own, and wait a while.
        var opening = Task.Factory.StartNew(() => Open(path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!opening.Wait(timeout))
            {
                Unblock(path, opening);
                error = $"{path} did not open within {timeout.TotalSeconds:0.#} seconds: it is a named pipe (FIFO) that no program writes to.";
                return false;
            }

            stream = opening.Result;
            error = "";
            return true;
        }
        catch (AggregateException e) when (e.InnerException is UnauthorizedAccessException)
        {
            error = $"{path}: permission denied.";
            return false;
        }
        catch (AggregateException e) when (e.InnerException is IOException or NotSupportedException)
        {
            error = $"{path}: cannot be opened ({(e.InnerException is NotSupportedException ? "not a file that can be read" : "an input or output error")}).";
            return false;
        }
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>Opens a pipe that waits for a writer, for writing, so that the waiting open returns; then closes both.</summary>
    private static void Unblock(string path, Task<FileStream> opening)
    {
        _ = Task.Run(() =>
        {
            try
            {
                using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the process exits anyway.
            }
        });
        _ = opening.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
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
        if (!TryReadBytes(path, io, out var content, out error, out _))
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

    private static bool TryReadBounded(Stream stream, string name, out ReadOnlyMemory<byte> content, out string error, ref string code)
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
            code = ErrorCodes.TooLarge;
            error = $"{name} is larger than 1 MiB ({MaxBytes} bytes); a symptom report is a few kilobytes.";
            return false;
        }

        content = buffer.AsMemory(0, length);
        error = "";
        return true;
    }
}
