using SpineTriage.TestSupport.Postgres;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// A fact that needs a PostgreSQL server: the connection string in <see cref="PostgresTestDatabase.Variable"/>
/// (<c>.ci/run</c> starts a throw-away cluster and sets it). Where it is missing the test is reported as skipped, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestDatabase.SkipReason("PostgreSQL audit store tests");
}
