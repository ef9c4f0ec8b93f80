using System.Text;
using Npgsql;
using SpineTriage.Audit;

namespace SpineTriage.ConsoleHost.Commands;

/// <summary>
/// <c>spinetriage replay --postgres</c>: replays the service's PostgreSQL audit store (table <c>spinetriage_audit</c>) as
/// a file is replayed, one instance's triage chain after another, each followed by the check of that instance's feedback
/// chain (as <c>--feedback</c> checks a feedback file), each read in order of its sequence number in bounded memory. The connection string comes from <see cref="ConnectionVariable"/> only, never from the command line.
/// </summary>
internal static class PostgresReplay
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string ConnectionVariable = "SPINETRIAGE_AUDIT_CONNECTION";

    public static int Run(RuleSetEngines engines, ConsoleIO io, string? file, string? keyFile, string? against)
    {
        if (file is not null)
        {
            io.Error.WriteLine("spinetriage: replay --postgres reads no FILE; the store is named by " + ConnectionVariable + ".");
            return ExitCodes.InvalidInput;
        }

        if (Environment.GetEnvironmentVariable(ConnectionVariable) is not { Length: > 0 } connection)
        {
            io.Error.WriteLine($"spinetriage: replay --postgres needs the connection string in {ConnectionVariable}.");
            return ExitCodes.InvalidInput;
        }

        if (!ReplayCommand.TryReadKey(io, keyFile, out var key))
        {
            return ExitCodes.InvalidInput;
        }

        var againstEngine = against is null ? null : engines.For(against);
        try
        {
            using var data = new NpgsqlSlimDataSourceBuilder(connection).Build(); // the slim builder: text and bigint only, trimming-friendly (Native AOT)
            var instances = new List<string>();
            using (var connectionForList = data.OpenConnection())
            using (var list = new NpgsqlCommand("SELECT DISTINCT instance FROM spinetriage_audit ORDER BY instance", connectionForList))
            using (var reader = list.ExecuteReader())
            {
                while (reader.Read())
                {
                    instances.Add(reader.GetString(0));
                }
            }

            if (instances.Count == 0)
            {
                io.Error.WriteLine("spinetriage: the PostgreSQL audit store holds no audit records.");
                return ExitCodes.InvalidInput;
            }

            var exit = ExitCodes.Success;
            foreach (var instance in instances)
            {
                io.Out.WriteLine($"instance {instance}:");
                using var lines = new LineStream(Lines(data, instance, "triage"));
                var report = AuditReplay.ReplayJsonLines(engines.All, lines, key, againstEngine, line => io.Out.WriteLine(ReplayText.Describe(line)));
                io.Out.WriteLine(report.ChainSummary);
                io.Out.WriteLine(report.Summary);
                if (report.Impact is { } impact)
                {
                    ReplayText.WriteImpact(impact, io.Out);
                }

                exit = Math.Max(exit, ReplayCommand.ExitCode(report));
                exit = Math.Max(exit, ReplayCommand.CheckFeedback(io, Lines(data, instance, "feedback"), key));
            }

            return exit;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            // The type only: a message could repeat the connection string.
            io.Error.WriteLine($"spinetriage: the PostgreSQL audit store cannot be read ({e.GetType().Name}).");
            return ExitCodes.InvalidInput;
        }
    }

    private static IEnumerable<string> Lines(NpgsqlDataSource data, string instance, string log)
    {
        using var connection = data.OpenConnection();
        using var command = new NpgsqlCommand("SELECT line FROM spinetriage_audit WHERE instance = $1 AND log = $2 ORDER BY seq", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = instance });
        command.Parameters.Add(new NpgsqlParameter { Value = log });
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    /// <summary>Lines as a UTF-8 stream, one at a time (bounded memory).</summary>
    private sealed class LineStream(IEnumerable<string> lines) : Stream
    {
        private readonly IEnumerator<string> _lines = lines.GetEnumerator();
        private byte[] _current = [];
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_at == _current.Length)
            {
                if (!_lines.MoveNext())
                {
                    return 0;
                }

                _current = Encoding.UTF8.GetBytes(_lines.Current + "\n");
                _at = 0;
            }

            var count = Math.Min(buffer.Length, _current.Length - _at);
            _current.AsSpan(_at, count).CopyTo(buffer);
            _at += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _lines.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
