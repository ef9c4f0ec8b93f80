namespace SpineTriage.Serialization.Internal;

/// <summary>
/// Reads the lines of a JSON Lines stream as UTF-8 bytes in bounded memory: at most one line of
/// <c>maxLineBytes</c> (without its <c>\n</c> or <c>\r\n</c>) and its line break are held; a longer line is skipped
/// to its end and reported as too large, whether its line break arrives with it or not.
/// </summary>
internal sealed class JsonLineReader(Stream stream, int maxLineBytes)
{
    private byte[] _buffer = new byte[Math.Min(64 * 1024, maxLineBytes + 2)];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Gets the size of the buffer in bytes: 64 KiB at first, growing with long lines to at most the limit and a <c>\r\n</c>.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Gets the number of the last line read, from 1.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line (without its <c>\n</c> or <c>\r\n</c>); <see langword="false"/> at the end.</summary>
    /// <param name="line">The line; valid until the next call. Empty when <paramref name="tooLarge"/>.</param>
    /// <param name="tooLarge">Whether the line was longer than the limit (and was skipped).</param>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLarge)
    {
        tooLarge = false;
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                line = _buffer.AsSpan(_start, length);
                _start += length + 1;
                return Found(ref line, ref tooLarge);
            }

            // Held without a line break: too long, unless it is the limit and a carriage return that a line feed may follow.
            searched = _end - _start;
            if (searched > maxLineBytes + 1 || (searched > maxLineBytes && _buffer[_end - 1] != (byte)'\r'))
            {
                // Too long: drop what is held and skip to the next line break.
                tooLarge = true;
                _start = _end = 0;
                searched = 0;
            }

            if (_eof)
            {
                if (_end > _start || tooLarge)
                {
                    // The end was found by Fill, which first moved the rest of the buffer to its start.
                    line = _buffer.AsSpan(0, _end);
                    _start = _end;
                    return Found(ref line, ref tooLarge);
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private bool Found(ref ReadOnlySpan<byte> line, ref bool tooLarge)
    {
        LineNumber++;
        if (line is [.., (byte)'\r'])
        {
            line = line[..^1];
        }

        // A line longer than the limit whose line break arrived with it in the buffer is just as too large.
        if (tooLarge || line.Length > maxLineBytes)
        {
            tooLarge = true;
            line = default;
        }

        return true;
    }

    private void Fill()
    {
        if (_start != 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Room for the longest line and its \r\n: a fuller buffer without a line break holds a line that is too large.
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes + 2));
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
