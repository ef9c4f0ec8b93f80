using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Npgsql;
using SpineTriage.Audit;
using SpineTriage.Engine;
using SpineTriage.Server.Tests.CdsHooks;
using SpineTriage.TestSupport.Postgres;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// Two instances on one PostgreSQL store (each test on a database of its own): one append-only table, one chain per
/// instance, one jti replay memory, no acknowledged decision lost to <c>kill -9</c>.
/// </summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly Tokens _tokens = new();
    private readonly PostgresTestDatabase _database = new("spinetriage_test");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinetriage-pg-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _tokens.Dispose();
        _database.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task A_token_used_on_one_instance_is_refused_by_the_other_and_after_a_restart_and_both_chains_verify()
    {
        var token = _tokens.Es384();
        using (var a = Instance("a"))
        using (var b = Instance("b"))
        using (var clientA = a.CreateClient())
        using (var clientB = b.CreateClient())
        {
            (await CallAsync(clientA, token)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await CallAsync(clientB, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the other instance remembers the jti in the shared database");
            (await AuditStoreTests.TriageAsync(clientA, "a-1")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await AuditStoreTests.TriageAsync(clientB, "b-1")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await AuditStoreTests.TriageAsync(clientA, "a-2")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var restarted = Instance("a"))
        using (var client = restarted.CreateClient())
        {
            (await CallAsync(client, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a restart forgets nothing");
            (await AuditStoreTests.TriageAsync(client, "a-3")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var chains = Chains();
        chains.Keys.Should().BeEquivalentTo(["a", "b"]);
        foreach (var (instance, lines) in chains)
        {
            var replay = AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null);
            replay.Malformed.Should().Be(0);
            replay.IntegrityFailures.Should().Be(0, "instance {0}'s chain verifies, across its restart", instance);
        }

        Ids(chains["a"]).Should().Equal("a-1", "a-2", "a-3");
        Ids(chains["b"]).Should().Equal("b-1");
        // Only CDS Hooks service calls (no prefetch: nothing triaged) went through the jti memory; the feedback log is empty.
    }

    [PostgresFact]
    public async Task The_audit_table_is_append_only()
    {
        using (var a = Instance("a"))
        using (var client = a.CreateClient())
        {
            (await AuditStoreTests.TriageAsync(client, "kept")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var connection = new NpgsqlConnection(Connection());
        connection.Open();
        foreach (var statement in new[] { "UPDATE spinetriage_audit SET line = 'x'", "DELETE FROM spinetriage_audit", "TRUNCATE spinetriage_audit" })
        {
            using var command = new NpgsqlCommand(statement, connection);
            var change = () => command.ExecuteNonQuery();
            change.Should().Throw<PostgresException>().WithMessage("*append-only*");
        }
    }

    [PostgresFact]
    public async Task Kill_9_of_one_instance_under_load_loses_no_acknowledged_decision_and_both_chains_verify()
    {
        Directory.CreateDirectory(_folder);
        Dictionary<string, string> Settings(string instance) => new()
        {
            ["Audit:Store"] = "postgres",
            ["ConnectionStrings:Audit"] = Connection(),
            ["Audit:InstanceId"] = instance,
            ["Audit:IncludeReportId"] = "true",
        };

        using var other = RealServer.Start(Settings("b"), _folder);
        using var client = new HttpClient();
        (await AuditStoreTests.TriageAsync(client, other.Address, "b-before")).StatusCode.Should().Be(HttpStatusCode.OK);

        var acknowledged = await KillTests.LoadAndKillAsync(() => RealServer.Start(Settings("a"), _folder), rounds: 1);

        using (var restarted = RealServer.Start(Settings("a"), _folder))
        {
            (await restarted.ReadyAsync(client)).Should().BeTrue();
            (await AuditStoreTests.TriageAsync(client, restarted.Address, "a-after")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await AuditStoreTests.TriageAsync(client, other.Address, "b-after")).StatusCode.Should().Be(HttpStatusCode.OK, "the other instance never stopped");
        var chains = Chains();
        foreach (var (instance, lines) in chains)
        {
            AuditReplay.ReplayJsonLines(new TriageEngine(), lines, key: null).IntegrityFailures.Should().Be(0, "instance {0}'s chain verifies", instance);
        }

        var recorded = Ids(chains["a"]).ToHashSet(StringComparer.Ordinal);
        acknowledged.Should().HaveCountGreaterThanOrEqualTo(KillTests.AcknowledgedBeforeKill);
        acknowledged.Where(id => !recorded.Contains(id)).Should().BeEmpty("every decision answered 200 was committed before it was answered");
        Ids(chains["b"]).Should().Equal("b-before", "b-after");
    }

    private ServerFactory Instance(string instance)
    {
        Directory.CreateDirectory(_folder);
        var settings = _tokens.Settings(_folder);
        settings["Audit:Store"] = "postgres";
        settings["ConnectionStrings:Audit"] = Connection();
        settings["Audit:InstanceId"] = instance;
        settings["Audit:IncludeReportId"] = "true";
        return new ServerFactory(settings);
    }

    private string Connection() => _database.ConnectionString;

    private Dictionary<string, List<string>> Chains()
    {
        var chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var connection = new NpgsqlConnection(Connection());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT instance, line FROM spinetriage_audit WHERE log = 'triage' ORDER BY instance, seq", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var instance = reader.GetString(0);
            if (!chains.TryGetValue(instance, out var lines))
            {
                chains[instance] = lines = [];
            }

            lines.Add(reader.GetString(1));
        }

        return chains;
    }

    private static List<string?> Ids(IEnumerable<string> lines) => [.. lines.Select(l => AuditRecord.ParseJsonLine(l).GetValueOrThrow().ReportId)];

    internal static async Task<HttpResponseMessage> CallAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/spinetriage-post-op-spine")
        {
            Content = new StringContent($$$$"""{"hook":"patient-view","hookInstance":"{{{{Guid.NewGuid()}}}}","context":{"userId":"Practitioner/1","patientId":"1"},"prefetch":{"questionnaireResponse":{"resourceType":"Bundle","type":"searchset"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
