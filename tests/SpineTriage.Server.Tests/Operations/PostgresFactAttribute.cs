namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// A fact that needs a PostgreSQL server: the connection string in <see cref="Variable"/> (<c>.ci/run</c> starts a
/// throw-away cluster and sets it). Where it is missing the test is reported as skipped, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable holding the connection string of a server the tests may create databases on.</summary>
    public const string Variable = "SPINETRIAGE_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: start a PostgreSQL server and set it to a connection string (.ci/run does) to run the PostgreSQL audit store tests.";
        }
    }
}
