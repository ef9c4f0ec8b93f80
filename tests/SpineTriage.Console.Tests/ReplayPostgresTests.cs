using FluentAssertions;
using Npgsql;
using SpineTriage.TestSupport.Postgres;
using static SpineTriage.Console.Tests.SpineTriageHost;

namespace SpineTriage.Console.Tests;

/// <summary>
/// <c>spinetriage replay --postgres</c>: the service's PostgreSQL audit store replayed as a file is, one instance's chain
/// after another, with the connection string from SPINETRIAGE_AUDIT_CONNECTION only.
/// </summary>
public sealed class ReplayPostgresTests : IDisposable
{
    private const string Variable = "SPINETRIAGE_AUDIT_CONNECTION";

    private const string ChainedHead = "sha256:16e41c4c96f6565fcde0c4dca93bcdb3cfd29a7753c7ae8abd7b0a7276c8def7";

    private readonly PostgresTestDatabase _database = new("spinetriage_console");
    private string? _connection;

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Without_the_connection_variable_replay_postgres_exits_2_naming_it()
    {
        var run = RunProcess(["replay", "--postgres"], null, new Dictionary<string, string> { [Variable] = "" });

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(Variable);
    }

    [Fact]
    public void Replay_postgres_takes_no_file()
    {
        var run = RunProcess(["replay", "--postgres", "log.jsonl"], null, new Dictionary<string, string> { [Variable] = "Host=127.0.0.1" });

        run.ExitCode.Should().Be(2);
    }

    [PostgresFact]
    public void Each_instance_chain_is_replayed_and_verified_in_order()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, "samples", "audit", "chained.jsonl"));
        Seed(("a", lines), ("b", lines));

        var run = RunProcess(["replay", "--postgres"], null, new Dictionary<string, string> { [Variable] = _connection! });

        run.ExitCode.Should().Be(0, run.Error);
        run.OutputLines.Where(l => l.StartsWith("instance ", StringComparison.Ordinal)).Should().Equal("instance a:", "instance b:");
        run.OutputLines.Where(l => l.StartsWith("chain: intact: 4 chained records", StringComparison.Ordinal) && l.Contains(ChainedHead, StringComparison.Ordinal)).Should().HaveCount(2);
        run.Output.Should().NotContain("Host=");
    }

    [PostgresFact]
    public void A_changed_record_in_one_instance_chain_exits_1()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, "samples", "audit", "chained.jsonl"));
        var changed = lines.ToArray();
        changed[3] = changed[3].Replace("\"urgency\":\"urgent\",\"urgencyCode\":4", "\"urgency\":\"routine\",\"urgencyCode\":2", StringComparison.Ordinal);
        Seed(("a", lines), ("b", changed));

        var run = RunProcess(["replay", "--postgres"], null, new Dictionary<string, string> { [Variable] = _connection! });

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("chain: BROKEN: 1 of 4 records fail the chain check");
    }

    [PostgresFact]
    public void A_tampered_feedback_record_in_one_instance_breaks_its_feedback_chain_and_exits_1()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, "samples", "audit", "chained.jsonl"));
        var feedback = File.ReadAllLines(Path.Combine(RepositoryRoot, "samples", "audit", "feedback.jsonl"));
        var changed = feedback.ToArray();
        changed[2] = changed[2].Replace("\"hadUserComment\":false", "\"hadUserComment\":true", StringComparison.Ordinal);
        Seed(("a", lines), ("b", lines));
        SeedFeedback(("a", feedback), ("b", changed));

        var run = RunProcess(["replay", "--postgres"], null, new Dictionary<string, string> { [Variable] = _connection! });

        run.ExitCode.Should().Be(1);
        run.OutputLines.Where(l => l.StartsWith("feedback chain: ", StringComparison.Ordinal)).Should().SatisfyRespectively(
            a => a.Should().StartWith("feedback chain: intact: 3 chained records (sha256)"),
            b => b.Should().StartWith("feedback chain: BROKEN: 1 of 3 records fail the chain check (changed, removed, reordered or inserted records): line 3"));
    }

    private void SeedFeedback(params (string Instance, string[] Lines)[] chains)
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        foreach (var (instance, lines) in chains)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                using var insert = new NpgsqlCommand("INSERT INTO spinetriage_audit (instance, log, seq, line) VALUES ($1, 'feedback', $2, $3)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = instance });
                insert.Parameters.Add(new NpgsqlParameter { Value = (long)(i + 1) });
                insert.Parameters.Add(new NpgsqlParameter { Value = lines[i] });
                insert.ExecuteNonQuery();
            }
        }
    }

    // The table as the service's migration makes it (the columns replay reads), holding each instance's lines in order.
    private void Seed(params (string Instance, string[] Lines)[] chains)
    {
        _connection = _database.ConnectionString;
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using (var table = new NpgsqlCommand("CREATE TABLE spinetriage_audit (instance text NOT NULL, log text NOT NULL, seq bigint NOT NULL, line text NOT NULL, PRIMARY KEY (instance, log, seq))", connection))
        {
            table.ExecuteNonQuery();
        }

        foreach (var (instance, lines) in chains)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                using var insert = new NpgsqlCommand("INSERT INTO spinetriage_audit (instance, log, seq, line) VALUES ($1, 'triage', $2, $3)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = instance });
                insert.Parameters.Add(new NpgsqlParameter { Value = (long)(i + 1) });
                insert.Parameters.Add(new NpgsqlParameter { Value = lines[i] });
                insert.ExecuteNonQuery();
            }
        }
    }
}

/// <summary>A fact that needs a PostgreSQL server (SPINETRIAGE_TEST_POSTGRES, which .ci/run sets); skipped, never passed, without one.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestDatabase.SkipReason("PostgreSQL replay tests");
}
