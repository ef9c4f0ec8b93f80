using System.Text;
using FluentAssertions;
using SpineTriage.Audit;
using SpineTriage.Serialization.Internal;

namespace SpineTriage.Tests.Serialization;

/// <summary>
/// The bounded line reader behind <c>AuditReplay.ReplayJsonLines(engine, stream, …)</c>: lines come back exactly,
/// without their line break, however the stream delivers its bytes; a line longer than the limit is skipped and
/// reported as too large, and the lines after it are still read.
/// </summary>
public class JsonLineReaderTests
{
    /// <summary>How many bytes each read of the stream returns: one at a time, a few, or all that fit.</summary>
    public static TheoryData<int> Chunks() => [1, 3, 7, int.MaxValue];

    private static List<(string? Line, int Number)> ReadAll(string text, int maxLineBytes, int chunk)
    {
        var reader = new JsonLineReader(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), maxLineBytes);
        var lines = new List<(string?, int)>();
        while (reader.TryReadLine(out var line, out var tooLarge))
        {
            lines.Add((tooLarge ? null : Encoding.UTF8.GetString(line), reader.LineNumber));
        }

        return lines;
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Lines_come_back_without_their_line_breaks_and_numbered_from_1(int chunk)
    {
        var lines = ReadAll("first\nsecond\r\n\nlast", maxLineBytes: 16, chunk);

        lines.Should().Equal(("first", 1), ("second", 2), ("", 3), ("last", 4));
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_final_line_break_ends_the_last_line_and_adds_no_empty_line(int chunk)
    {
        ReadAll("a\nb\n", maxLineBytes: 16, chunk).Should().Equal(("a", 1), ("b", 2));
        ReadAll("", maxLineBytes: 16, chunk).Should().BeEmpty();
        ReadAll("\n", maxLineBytes: 16, chunk).Should().Equal(("", 1));
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Only_a_carriage_return_right_before_the_line_feed_is_removed(int chunk)
    {
        ReadAll("a\rb\r\n\r\r\n", maxLineBytes: 16, chunk).Should().Equal(("a\rb", 1), ("\r", 2));
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_line_of_exactly_the_limit_is_read_and_one_byte_longer_is_too_large(int chunk)
    {
        var atLimit = new string('a', 8);
        var over = new string('b', 9);

        var lines = ReadAll($"{atLimit}\n{over}\n{atLimit}\n{over}", maxLineBytes: 8, chunk);

        lines.Should().Equal((atLimit, 1), (null, 2), (atLimit, 3), (null, 4));
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void The_limit_does_not_count_a_crlf_line_break_but_counts_a_carriage_return_inside_the_line(int chunk)
    {
        var atLimit = new string('a', 8);

        var lines = ReadAll($"{atLimit}\r\n{atLimit}\r\r\n{atLimit}\rb\n{atLimit}\r", maxLineBytes: 8, chunk);

        lines.Should().Equal((atLimit, 1), (null, 2), (null, 3), (atLimit, 4));
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_line_many_times_the_limit_is_skipped_to_its_end(int chunk)
    {
        var lines = ReadAll($"ok\n{new string('x', 100)}\nafter\n{new string('y', 50)}", maxLineBytes: 8, chunk);

        lines.Should().Equal(("ok", 1), (null, 2), ("after", 3), (null, 4));
    }

    [Fact]
    public void Lines_longer_than_the_first_buffer_and_up_to_the_limit_are_read_whole()
    {
        // The buffer starts at 64 KiB and grows up to the limit: lines of 100 KB and of exactly the limit (200 KB) fit.
        const int Limit = 200_000;
        var long1 = new string('a', 100_000);
        var atLimit = new string('b', Limit);

        var lines = ReadAll($"{long1}\nshort\n{atLimit}\n{atLimit}x\nend", Limit, chunk: 50_000);

        lines.Should().Equal((long1, 1), ("short", 2), (atLimit, 3), (null, 4), ("end", 5));
    }

    [Fact]
    public void The_real_audit_line_limit_of_1_MiB_is_read_whole_when_it_comes_all_at_once()
    {
        var atLimit = new string('c', AuditRecord.MaxJsonLineBytes);

        var lines = ReadAll($"{atLimit}\n{atLimit}c\nend\n", AuditRecord.MaxJsonLineBytes, int.MaxValue);

        lines.Select(l => (l.Line?.Length, l.Number)).Should().Equal((atLimit.Length, 1), (null, 2), (3, 3));
    }

    [Fact]
    public void The_buffer_starts_at_64_KiB_grows_only_for_a_long_line_and_never_past_the_limit_and_its_line_break()
    {
        var reader = new JsonLineReader(new MemoryStream(Encoding.UTF8.GetBytes($"short\n{new string('a', 300_000)}\n{new string('b', 500_000)}\nend")), 200_000);

        reader.TryReadLine(out _, out _).Should().BeTrue();
        reader.Capacity.Should().Be(64 * 1024);
        reader.TryReadLine(out _, out var tooLarge).Should().BeTrue();
        tooLarge.Should().BeTrue();
        reader.Capacity.Should().Be(200_002);
        while (reader.TryReadLine(out _, out _))
        {
        }

        reader.LineNumber.Should().Be(4);
        reader.Capacity.Should().Be(200_002);
        new JsonLineReader(Stream.Null, 100).Capacity.Should().Be(102);

        // A line that needs one doubling gets one, not the whole limit.
        var doubled = new JsonLineReader(new MemoryStream(Encoding.UTF8.GetBytes(new string('c', 100_000) + "\n")), 1 << 20);
        doubled.TryReadLine(out var line, out _).Should().BeTrue();
        (line.Length, doubled.Capacity).Should().Be((100_000, 128 * 1024));
    }

    /// <summary>A read-only stream that returns at most a fixed number of bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
