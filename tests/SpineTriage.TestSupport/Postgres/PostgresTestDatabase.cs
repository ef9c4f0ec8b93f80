using Npgsql;

namespace SpineTriage.TestSupport.Postgres;

/// <summary>
/// A throw-away database on the test PostgreSQL server named by <see cref="Variable"/> (<c>.ci/run</c> starts a cluster
/// and sets it): created on first use of <see cref="ConnectionString"/>, dropped (with force) on dispose. The server and
/// the console tests share it.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>The environment variable holding the connection string of a server the tests may create databases on.</summary>
    public const string Variable = "SPINETRIAGE_TEST_POSTGRES";

    private readonly string _name;
    private string? _connectionString;

    /// <summary>Names a new database (not created yet).</summary>
    /// <param name="prefix">The start of its name (letters, digits and underscores).</param>
    public PostgresTestDatabase(string prefix) => _name = prefix + "_" + Guid.NewGuid().ToString("N");

    /// <summary>Gets the server's connection string, or <see langword="null"/> when <see cref="Variable"/> is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    /// <summary>Gets the connection string of the database, creating it on first use.</summary>
    public string ConnectionString
    {
        get
        {
            if (_connectionString is null)
            {
                var server = Server ?? throw new InvalidOperationException($"{Variable} is not set.");
                using (var admin = new NpgsqlConnection(server))
                {
                    admin.Open();
                    using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
                    create.ExecuteNonQuery();
                }

                _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
            }

            return _connectionString;
        }
    }

    /// <summary>The reason to skip a test that needs PostgreSQL, or <see langword="null"/> when a server is set.</summary>
    /// <param name="tests">What is skipped, for the message.</param>
    public static string? SkipReason(string tests) => Server is null
        ? $"{Variable} is not set: start a PostgreSQL server and set it to a connection string (.ci/run does) to run the {tests}."
        : null;

    /// <summary>Drops the database when it was created.</summary>
    public void Dispose()
    {
        if (_connectionString is null)
        {
            return;
        }

        using var admin = new NpgsqlConnection(Server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
