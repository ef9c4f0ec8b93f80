using System.Globalization;
using System.Text;

namespace SpineTriage.Server.Operations;

/// <summary>An open audit log file: positional writes, fsync, truncation. The seam the fault tests replace.</summary>
public interface IAuditFile : IDisposable
{
    /// <summary>Gets the file's length in bytes.</summary>
    long Length { get; }

    /// <summary>Reads bytes at an offset; returns how many were read.</summary>
    int Read(Span<byte> buffer, long offset);

    /// <summary>Writes bytes at an offset (not yet durable).</summary>
    void Write(ReadOnlySpan<byte> data, long offset);

    /// <summary>Makes every byte written durable (fsync).</summary>
    void Flush();

    /// <summary>Cuts the file to a length (removes what a failed write may have left).</summary>
    void SetLength(long length);
}

/// <summary>
/// Opens audit log files and checks that their directory takes writes again after a fault. The default is the real
/// file system; the fault tests register a subclass that fails or stalls on demand.
/// </summary>
public class AuditFileSystem
{
    /// <summary>Opens (or creates) a log file for reading and writing, creating its directory.</summary>
    /// <param name="path">The full path.</param>
    /// <returns>The open file.</returns>
    public virtual IAuditFile Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new RealFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0));
    }

    /// <summary>Writes, fsyncs and deletes a small probe file next to the log: throws while the directory cannot take writes.</summary>
    /// <param name="path">The full path of the log.</param>
    public virtual void Probe(string path)
    {
        var probe = path + ".probe";
        using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(new byte[4096]);
            stream.Flush(true);
        }

        File.Delete(probe);
    }

    /// <summary>Writes a whole side file durably (the bytes of a torn last line).</summary>
    /// <param name="path">The full path.</param>
    /// <param name="bytes">The bytes.</param>
    public virtual void WriteSideFile(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(bytes);
        stream.Flush(true);
    }

    private sealed class RealFile(FileStream stream) : IAuditFile
    {
        public long Length => stream.Length;

        public int Read(Span<byte> buffer, long offset)
        {
            stream.Position = offset;
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        public void Write(ReadOnlySpan<byte> data, long offset)
        {
            stream.Position = offset;
            stream.Write(data);
        }

        public void Flush() => stream.Flush(flushToDisk: true);

        public void SetLength(long length) => stream.SetLength(length);

        public void Dispose() => stream.Dispose();
    }
}

/// <summary>
/// The embedded audit store: a JSON Lines file, appended in whole lines and fsynced per batch. A batch that fails is cut
/// off again (the file ends at the last durable line, so a line never holds two records); at start a torn last line
/// (a crash in the middle of a write) is moved to a side file next to the log and the chain continues from the last
/// whole line.
/// </summary>
internal sealed partial class AuditFileStore : IAuditSink
{
    private readonly AuditFileSystem _fileSystem;
    private readonly IAuditFile _file;
    private readonly string _path;
    private long _length; // the end of the last durable line
    private const int MaxKeptBatchBytes = 1024 * 1024;
    private byte[] _batch = new byte[64 * 1024]; // the bytes of the batch being written

    private AuditFileStore(AuditFileSystem fileSystem, IAuditFile file, string path, long length, string head)
    {
        _fileSystem = fileSystem;
        _file = file;
        _path = path;
        _length = length;
        OpenedHead = head;
    }

    public string OpenedHead { get; }

    /// <summary>Opens a log, cuts a torn last line off into a side file, and reads the chain head from the last line.</summary>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="path">The log's full path.</param>
    /// <param name="headOf">Reads the record hash of a whole last line; null when the line is not a chained record.</param>
    /// <param name="genesis">The head of an empty log, or of a log whose lines are not chained.</param>
    /// <param name="clock">The clock (the side file's name).</param>
    /// <param name="logger">The logger.</param>
    public static AuditFileStore Open(AuditFileSystem fileSystem, string path, Func<string, string?> headOf, string? genesis, TimeProvider clock, ILogger logger)
    {
        var file = fileSystem.Open(path);
        try
        {
            var length = file.Length;
            var end = EndOfLastLine(file, length);
            string? head = null;
            var lastLine = end > 0 ? LastLine(file, end) : null;
            if (lastLine is not null)
            {
                head = headOf(lastLine);
                if (head is null && genesis is null)
                {
                    throw new InvalidOperationException($"The last whole line of the audit log {path} is not a chained audit record; move the file aside or repair it before starting.");
                }
            }

            head ??= genesis ?? Audit.AuditChain.Genesis;
            if (end < length)
            {
                var torn = new byte[length - end];
                _ = file.Read(torn, end);
                var side = path + ".torn-" + clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
                fileSystem.WriteSideFile(side, torn);
                file.SetLength(end);
                file.Flush();
                LogTorn(logger, path, torn.Length, side, PreviousHashIn(torn) ?? "(not in the torn bytes)", head);
            }

            return new AuditFileStore(fileSystem, file, path, end, head);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Append(IReadOnlyList<ChainedLine> lines)
    {
        var size = 0;
        foreach (var line in lines)
        {
            size += Encoding.UTF8.GetByteCount(line.Json) + 1;
        }

        // One buffer reused by the next batches (one writer thread), kept up to 1 MiB; a larger batch gets its own array.
        if (size > _batch.Length && size <= MaxKeptBatchBytes)
        {
            _batch = new byte[Math.Min(MaxKeptBatchBytes, Math.Max(size, _batch.Length * 2))];
        }

        var bytes = size <= _batch.Length ? _batch.AsSpan(0, size) : new byte[size];
        var at = 0;
        foreach (var line in lines)
        {
            at += Encoding.UTF8.GetBytes(line.Json, bytes[at..]);
            bytes[at++] = (byte)'\n';
        }

        try
        {
            if (_file.Length != _length)
            {
                _file.SetLength(_length); // what a failed batch left
            }

            _file.Write(bytes, _length);
            _file.Flush();
            _length += bytes.Length;
        }
        catch
        {
            Cut();
            throw;
        }
    }

    public void Probe()
    {
        if (_file.Length != _length)
        {
            _file.SetLength(_length);
            _file.Flush();
        }

        _fileSystem.Probe(_path);
    }

    // A failed batch is cut off again (Append, Probe): the head stays the last durable line's.
    public string Resync(string head) => head;

    public void Dispose() => _file.Dispose();

    private void Cut()
    {
        try
        {
            _file.SetLength(_length);
        }
#pragma warning disable CA1031 // the next batch or probe cuts it again before writing
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    // The offset just past the last line break (0 when there is none).
    private static long EndOfLastLine(IAuditFile file, long length)
    {
        var buffer = new byte[64 * 1024];
        var position = length;
        while (position > 0)
        {
            var count = (int)Math.Min(buffer.Length, position);
            position -= count;
            var read = file.Read(buffer.AsSpan(0, count), position);
            var index = buffer.AsSpan(0, read).LastIndexOf((byte)'\n');
            if (index >= 0)
            {
                return position + index + 1;
            }
        }

        return 0;
    }

    // The whole line ending at end (its line break excluded), at most a record's largest size.
    private static string? LastLine(IAuditFile file, long end)
    {
        var start = EndOfLastLine(file, end - 1);
        var length = end - 1 - start;
        if (length > Audit.AuditRecord.MaxJsonLineBytes)
        {
            return null;
        }

        var bytes = new byte[length];
        _ = file.Read(bytes, start);
        var line = Encoding.UTF8.GetString(bytes);
        return line.Length == 0 ? null : line;
    }

    // The torn record's previousHash, when it was written before the tear: the head it would have linked to.
    private static string? PreviousHashIn(byte[] torn)
    {
        const string Marker = "\"previousHash\":\"";
        var text = Encoding.UTF8.GetString(torn);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + Marker.Length;
        var close = text.IndexOf('"', start);
        return close > start && close - start <= 80 ? text[start..close] : null;
    }

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "The audit log {Path} ended in a torn line ({Bytes} bytes, a write cut short by a crash); the bytes were moved to {SideFile}. Chain head before the cut (the torn record's previousHash): {HeadBefore}; chain head after, continued from: {HeadAfter}.")]
    private static partial void LogTorn(ILogger logger, string path, int bytes, string sideFile, string headBefore, string headAfter);
}
