using Npgsql;
using NpgsqlTypes;

namespace SpineTriage.Server.Operations;

/// <summary>
/// The shared audit store (<c>Audit:Store=postgres</c>, <c>ConnectionStrings:Audit</c>): the records of every instance in
/// one append-only table, one hash chain per instance and log (an instance links only its own records, so instances never
/// wait on each other's chain head and one instance's fault never breaks another's chain), each batch committed before
/// its requests are answered. The schema is created by <see cref="Migrate"/> when the server starts; an advisory lock
/// keeps a second process with the same <see cref="AuditSettings.InstanceId"/> from starting (it would fork the chain).
/// </summary>
internal sealed partial class PostgresAuditStore : IDisposable
{
    /// <summary>The triage log's name in the table.</summary>
    public const string TriageLog = "triage";

    /// <summary>The feedback log's name in the table.</summary>
    public const string FeedbackLog = "feedback";

    /// <summary>The schema, idempotent: the append-only audit table (a trigger refuses UPDATE, DELETE and TRUNCATE) and the jti replay memory.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS spinetriage_audit (
            instance text NOT NULL,
            log text NOT NULL CHECK (log IN ('triage', 'feedback')),
            seq bigint NOT NULL,
            line text NOT NULL,
            record_hash text NOT NULL,
            previous_hash text NOT NULL,
            written_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (instance, log, seq));
        CREATE OR REPLACE FUNCTION spinetriage_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'spinetriage_audit is append-only'; END $$;
        CREATE OR REPLACE TRIGGER spinetriage_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON spinetriage_audit
            FOR EACH STATEMENT EXECUTE FUNCTION spinetriage_audit_append_only();
        CREATE TABLE IF NOT EXISTS spinetriage_jti (
            issuer text NOT NULL,
            jti text NOT NULL,
            expires_at timestamptz NOT NULL,
            PRIMARY KEY (issuer, jti));
        CREATE INDEX IF NOT EXISTS spinetriage_jti_expires ON spinetriage_jti (expires_at);
        """;

    private const long MigrationLock = 0x5370696E65547269; // "SpineTri": one migration at a time across instances

    private readonly NpgsqlDataSource _data;
    private readonly Lock _gate = new();
    private NpgsqlConnection? _instanceLock; // holds the instance's advisory lock; reopened after the server comes back
    private bool _migrated;

    private PostgresAuditStore(NpgsqlDataSource data, string instance)
    {
        _data = data;
        Instance = instance;
    }

    /// <summary>Gets the instance's name: its chains are the rows with this <c>instance</c>.</summary>
    public string Instance { get; }

    /// <summary>Gets the data source (the jti replay memory shares it).</summary>
    public NpgsqlDataSource Data => _data;

    /// <summary>Gets whether the migration has run and the instance lock is held (false while PostgreSQL was unreachable since the start).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _migrated && _instanceLock is not null;
            }
        }
    }

    /// <summary>
    /// Connects, runs the migration and takes the instance's advisory lock. A server that cannot be reached (or answers
    /// with a transient error) does not stop the start: the store opens closed, the instance reports itself not ready and
    /// answers decisions 503, and the audit writers' probes run the migration when the server comes up. A configuration
    /// error stops the start: a database that does not exist, a refused login, or another process holding the instance's lock.
    /// </summary>
    public static PostgresAuditStore Open(string connectionString, string instance, ILogger logger)
    {
        var data = NpgsqlDataSource.Create(connectionString);
        var store = new PostgresAuditStore(data, instance);
        try
        {
            store.EnsureOpen();
            LogOpened(logger, instance);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            LogUnreachableAtStart(logger, instance, exception.GetType().Name);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>Whether a failure is the server's absence or a transient fault (wait for it), not a configuration error (stop).</summary>
    /// <param name="exception">The failure.</param>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        // Invalid authorization (28xxx) and an unknown database (3D000) will not mend themselves: stop the start.
        PostgresException postgres => !postgres.SqlState.StartsWith("28", StringComparison.Ordinal) && !postgres.SqlState.StartsWith("3D", StringComparison.Ordinal),
        NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException => true,
        _ => false,
    };

    /// <summary>Runs the migration once and makes sure the instance's advisory lock is held (re-taken after the server came back).</summary>
    /// <exception cref="InvalidOperationException">Another process holds the instance's lock.</exception>
    public void EnsureOpen()
    {
        lock (_gate)
        {
            if (!_migrated)
            {
                Migrate(_data);
                _migrated = true;
            }

            if (_instanceLock is not null)
            {
                try
                {
                    using var alive = new NpgsqlCommand("SELECT 1", _instanceLock);
                    alive.ExecuteScalar();
                    return;
                }
                catch (Exception exception) when (IsUnreachable(exception))
                {
                    _instanceLock.Dispose(); // the session ended, and its lock with it: take it again
                    _instanceLock = null;
                }
            }

            var connection = _data.OpenConnection();
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = Instance });
                if (command.ExecuteScalar() is not true)
                {
                    throw new InvalidOperationException($"Another process already writes the audit chain of instance '{Instance}'; give each instance its own Audit:InstanceId.");
                }
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _instanceLock = connection;
        }
    }

    /// <summary>Creates the schema (idempotent; serialised across instances starting together).</summary>
    public static void Migrate(NpgsqlDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var connection = data.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock})", connection, transaction))
        {
            lockCommand.ExecuteNonQuery();
        }

        using (var schema = new NpgsqlCommand(Schema, connection, transaction))
        {
            schema.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Describes a log without the connection string (which may hold a password).</summary>
    public string Describe(string log) => $"postgres: spinetriage_audit (instance {Instance}, log {log})";

    /// <summary>The sink of one of the instance's logs.</summary>
    public IAuditSink Sink(string log) => new LogSink(this, log);

    public void Dispose()
    {
        lock (_gate)
        {
            _instanceLock?.Dispose();
            _instanceLock = null;
        }

        _data.Dispose();
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "Audit store: PostgreSQL table spinetriage_audit, instance {Instance} (schema migrated, instance lock held).")]
    private static partial void LogOpened(ILogger logger, string instance);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Error, Message = "Audit store: PostgreSQL cannot be reached at start ({ExceptionType}); instance {Instance} reports itself not ready and answers decisions 503 until it can, then runs the migration.")]
    private static partial void LogUnreachableAtStart(ILogger logger, string instance, string exceptionType);

    private sealed class LogSink : IAuditSink
    {
        private readonly PostgresAuditStore _store;
        private readonly string _log;
        private long _next;

        public LogSink(PostgresAuditStore store, string log)
        {
            _store = store;
            _log = log;
            try
            {
                OpenedHead = store.IsOpen ? Resync(Audit.AuditChain.Genesis) : null;
            }
            catch (Exception exception) when (IsUnreachable(exception))
            {
                OpenedHead = null; // gone again since the store opened: the writer's probe resyncs
            }
        }

        public string? OpenedHead { get; }

        public void Append(IReadOnlyList<ChainedLine> lines)
        {
            var seqs = new long[lines.Count];
            var json = new string[lines.Count];
            var hashes = new string[lines.Count];
            var previous = new string[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                seqs[i] = _next + i;
                json[i] = lines[i].Json;
                hashes[i] = lines[i].Hash;
                previous[i] = lines[i].PreviousHash;
            }

            using var connection = _store._data.OpenConnection();
            using var command = new NpgsqlCommand(
                "INSERT INTO spinetriage_audit (instance, log, seq, line, record_hash, previous_hash) SELECT $1, $2, * FROM unnest($3, $4, $5, $6)",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = _store.Instance });
            command.Parameters.Add(new NpgsqlParameter { Value = _log });
            command.Parameters.Add(new NpgsqlParameter { Value = seqs, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = previous, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.ExecuteNonQuery(); // one statement: committed (and, with synchronous_commit on, flushed) when it returns
            _next += lines.Count;
        }

        // A commit whose acknowledgement was lost (the connection dropped) may have stored the batch: continue from the
        // last row actually committed, so the next batch neither repeats a sequence number nor forks the chain.
        public string Resync(string head)
        {
            _store.EnsureOpen();
            using var connection = _store._data.OpenConnection();
            using var command = new NpgsqlCommand("SELECT seq, record_hash FROM spinetriage_audit WHERE instance = $1 AND log = $2 ORDER BY seq DESC LIMIT 1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = _store.Instance });
            command.Parameters.Add(new NpgsqlParameter { Value = _log });
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                _next = reader.GetInt64(0) + 1;
                return reader.GetString(1);
            }

            _next = 1;
            return Audit.AuditChain.Genesis;
        }

        // Writable means: not a standby in recovery, and a new transaction is not read-only (default_transaction_read_only,
        // set for the server, the database or the role). The pool is cleared first, so that the probe and the batches after
        // it use sessions opened now, never one that kept the settings of the fault (or of the time before it).
        public void Probe()
        {
            _store._data.Clear();
            _store.EnsureOpen();
            using var connection = _store._data.OpenConnection();
            using var command = new NpgsqlCommand("SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'", connection);
            if (command.ExecuteScalar() is not true)
            {
                throw new IOException("The PostgreSQL server or database is read-only (a standby in recovery, or default_transaction_read_only).");
            }
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// The jti replay memory in the audit database: a token id is inserted with the token's expiry under a unique key, so a
/// token used on any instance, before or after a restart, is refused on every other; expired rows are removed. Every call
/// is asynchronous (no thread waits on the database) and bounded by <see cref="AuditSettings.WriteTimeoutMilliseconds"/>:
/// a memory that cannot be reached in time refuses the token (fail closed).
/// </summary>
internal sealed partial class PostgresJtiReplayCache(NpgsqlDataSource data, Microsoft.Extensions.Options.IOptions<AuditSettings> settings, ILogger<PostgresJtiReplayCache> logger) : CdsHooks.IJtiReplayCache
{
    private const int PurgeEvery = 256;
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(Math.Max(1, settings.Value.WriteTimeoutMilliseconds));
    private int _registered;

    /// <inheritdoc/>
    public async ValueTask<bool> TryRegisterAsync(string issuer, string jti, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_timeout);
        try
        {
            await using var connection = await data.OpenConnectionAsync(bounded.Token).ConfigureAwait(false);
            if (Interlocked.Increment(ref _registered) % PurgeEvery == 1)
            {
                await using var purge = new NpgsqlCommand("DELETE FROM spinetriage_jti WHERE expires_at < now()", connection);
                await purge.ExecuteNonQueryAsync(bounded.Token).ConfigureAwait(false);
            }

            await using var command = new NpgsqlCommand("INSERT INTO spinetriage_jti (issuer, jti, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = issuer });
            command.Parameters.Add(new NpgsqlParameter { Value = jti });
            command.Parameters.Add(new NpgsqlParameter { Value = expires.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteNonQueryAsync(bounded.Token).ConfigureAwait(false) == 1;
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // Fail closed: a token that cannot be remembered is refused.
            LogUnavailable(logger, exception.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(EventId = 9011, Level = LogLevel.Error, Message = "The jti replay memory (PostgreSQL) cannot be written ({ExceptionType}); CDS Hooks tokens are refused until it can.")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType);
}
