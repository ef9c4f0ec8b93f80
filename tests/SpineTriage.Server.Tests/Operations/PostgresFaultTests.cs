using System.Net;
using FluentAssertions;
using Npgsql;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Server.Operations;
using SpineTriage.Server.Tests.CdsHooks;
using SpineTriage.TestSupport.Postgres;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// PostgreSQL faults while the service runs and at its start, through a TCP proxy the test cuts, stalls and restores, and
/// a database made read-only (<c>default_transaction_read_only</c>, as after a failover to a standby): triage answers 503 <c>auditUnavailable</c> (never an unrecorded decision), readiness goes not ready, and both recover
/// by themselves when PostgreSQL is back; the chain verifies after each fault.
/// </summary>
public sealed class PostgresFaultTests : IDisposable
{
    private readonly Tokens _tokens = new();
    private readonly PostgresTestDatabase _database = new("spinetriage_fault");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinetriage-pg-fault", Guid.NewGuid().ToString("N"));
    private TcpProxy? _proxy;

    public void Dispose()
    {
        _proxy?.Dispose();
        _tokens.Dispose();
        _database.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task When_PostgreSQL_becomes_unreachable_triage_answers_503_and_not_ready_tokens_are_refused_and_all_recover_when_it_returns()
    {
        using var factory = Instance();
        using var client = factory.CreateClient();
        (await AuditStoreTests.TriageAsync(client, "before")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        Proxy.Cut();
        await ExpectUnavailableAsync(client, "during");
        (await PostgresStoreTests.CallAsync(client, _tokens.Es384())).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token that cannot be remembered is refused (fail closed)");

        Proxy.Restore();
        (await ReadyAsync(client)).Should().BeTrue("the writer's probe finds PostgreSQL again without any request");
        (await AuditStoreTests.TriageAsync(client, "after")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostgresStoreTests.CallAsync(client, _tokens.Es384())).StatusCode.Should().Be(HttpStatusCode.OK, "the jti memory is back");

        Ids().Should().Equal(["before", "after"], "every 200 is committed, the 503 is not");
        factory.Logs.Should().Contain(l => l.Contains("audit store cannot be written", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("takes records again", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task When_PostgreSQL_stalls_triage_answers_503_within_the_bounded_wait_and_not_ready_and_both_recover_when_it_moves_again()
    {
        using var factory = Instance();
        using var client = factory.CreateClient();
        (await AuditStoreTests.TriageAsync(client, "before")).StatusCode.Should().Be(HttpStatusCode.OK);

        Proxy.Stall();
        await ExpectUnavailableAsync(client, "during");
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the health endpoints keep answering");

        Proxy.Restore();
        (await ReadyAsync(client)).Should().BeTrue("the stalled commit finishes or fails, and the writer resyncs from the last committed row");
        (await AuditStoreTests.TriageAsync(client, "after")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The record of the request answered 503 may have been committed once PostgreSQL moved again (a record of a
        // decision not answered, never the other way round); the chain holds it or not, and verifies.
        Ids().Should().StartWith("before").And.EndWith("after");
    }

    [PostgresFact]
    public async Task When_the_database_becomes_read_only_triage_answers_503_and_not_ready_and_both_recover_when_writes_are_possible_again()
    {
        using var factory = Instance();
        using var client = factory.CreateClient();
        (await AuditStoreTests.TriageAsync(client, "before")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        // A failover to a standby, or an operator's switch: every new transaction of the database is read-only, and the
        // sessions opened before it are ended (as a failover ends them) so that none keeps writing.
        ReadOnly(true);
        await ExpectUnavailableAsync(client, "during");
        await Task.Delay(TimeSpan.FromMilliseconds(800)); // three probes of the writer
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the probe finds the database still read-only");
        await ExpectUnavailableAsync(client, "still");

        ReadOnly(false);
        (await ReadyAsync(client)).Should().BeTrue("the writer's probe finds the database writable again without any request");
        (await AuditStoreTests.TriageAsync(client, "after")).StatusCode.Should().Be(HttpStatusCode.OK);

        Ids().Should().Equal(["before", "after"], "every 200 is committed, no 503 is");
        factory.Logs.Should().Contain(l => l.Contains("audit store cannot be written", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("takes records again", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task When_PostgreSQL_is_down_at_start_the_service_starts_not_ready_answers_503_and_migrates_and_recovers_when_it_comes_up()
    {
        _ = _database.ConnectionString; // the database exists; the server behind the proxy is unreachable
        Proxy.Cut();
        using var factory = Instance();
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the service starts");
        await ExpectUnavailableAsync(client, "during");

        Proxy.Restore();
        (await ReadyAsync(client)).Should().BeTrue("the writer's probe runs the migration once PostgreSQL is up");
        (await AuditStoreTests.TriageAsync(client, "after")).StatusCode.Should().Be(HttpStatusCode.OK);

        Ids().Should().Equal(["after"], "the chain starts at the genesis once the store is reachable");
        factory.Logs.Should().Contain(l => l.Contains("PostgreSQL cannot be reached at start", StringComparison.Ordinal));
    }

    [PostgresFact]
    public void A_database_that_does_not_exist_stops_the_start_with_a_clear_error()
    {
        var missing = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.Server) { Database = "spinetriage_missing_" + Guid.NewGuid().ToString("N") };
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["Audit:Store"] = "postgres",
            ["ConnectionStrings:Audit"] = missing.ConnectionString,
        });

        var start = () => factory.CreateClient();

        start.Should().Throw<PostgresException>().Which.SqlState.Should().Be("3D000", "a configuration error will not mend itself: fail fast");
    }

    private TcpProxy Proxy
    {
        get
        {
            if (_proxy is null)
            {
                var server = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.Server);
                _proxy = new TcpProxy(server.Host!, server.Port);
            }

            return _proxy;
        }
    }

    private ServerFactory Instance()
    {
        Directory.CreateDirectory(_folder);
        var connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = Proxy.Port,
            Timeout = 3,
            CommandTimeout = 5,
        };
        var settings = _tokens.Settings(_folder);
        settings["Audit:Store"] = "postgres";
        settings["ConnectionStrings:Audit"] = connection.ConnectionString;
        settings["Audit:InstanceId"] = "a";
        settings["Audit:IncludeReportId"] = "true";
        settings["Audit:WriteTimeoutMilliseconds"] = "500";
        return new ServerFactory(settings);
    }

    private static async Task ExpectUnavailableAsync(HttpClient client, string reportId)
    {
        using var refused = await AuditStoreTests.TriageAsync(client, reportId);
        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().Contain(AuditUnavailableException.Code).And.NotContain("urgency");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    // Sets default_transaction_read_only for the test database (not the whole cluster: other tests share it) and ends
    // the database's other sessions, so that every session after it has the setting.
    private void ReadOnly(bool on)
    {
        var database = new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!;
        using var admin = new NpgsqlConnection(PostgresTestDatabase.Server);
        admin.Open();
        using var alter = new NpgsqlCommand($"ALTER DATABASE {database} {(on ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only")}", admin);
        alter.ExecuteNonQuery();
        using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", admin);
        terminate.Parameters.Add(new NpgsqlParameter { Value = database });
        terminate.ExecuteScalar();
    }

    // Bounded: a probe every 250 ms, each at most the connection timeout (3 s) while the server is away.
    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var ready = await client.GetAsync("/health/ready");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    // The instance's triage chain, read directly (not through the proxy): it verifies, and its report ids in order.
    private List<string?> Ids()
    {
        var lines = new List<string>();
        using var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT line FROM spinetriage_audit WHERE instance = 'a' AND log = 'triage' ORDER BY seq", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        var replay = AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null);
        replay.Malformed.Should().Be(0);
        replay.IntegrityFailures.Should().Be(0, "the chain verifies after the fault");
        return [.. lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow().ReportId)];
    }
}
