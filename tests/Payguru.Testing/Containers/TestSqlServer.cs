using Testcontainers.MsSql;

namespace Payguru.Testing.Containers;

/// <summary>
/// The SQL Server the SQL Server suites run on, chosen once per test run: the one <see cref="ServerVariable"/> names;
/// else SQL Server 2022 started with Testcontainers when a Docker engine answers (Testcontainers' reaper removes it
/// when the test run ends); else none, and <see cref="UnavailableReason"/> says why the suites are skipped.
/// </summary>
public sealed class TestSqlServer
{
    /// <summary>A connection string to a SQL Server whose login may create and drop databases.</summary>
    public const string ServerVariable = "PAYGURU_TEST_SQLSERVER";

    /// <summary>
    /// Set to <c>true</c> where the SQL Server suites must run (CI): without a server they fail instead of being skipped,
    /// so a runner that lost its Docker engine cannot pass them unnoticed.
    /// </summary>
    public const string RequiredVariable = "PAYGURU_TEST_SQLSERVER_REQUIRED";

    /// <summary>The image docker-compose.yml runs in production, so the suites test the server the services meet.</summary>
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    static readonly Lazy<Task<TestSqlServer>> Chosen = new(ChooseAsync);

    TestSqlServer(string? connectionString, string? unavailableReason)
    {
        ConnectionString = connectionString;
        UnavailableReason = unavailableReason;
    }

    /// <summary>To the server's master database; null when there is no server.</summary>
    public string? ConnectionString { get; }

    /// <summary>Why the SQL Server suites cannot run here, or null when they can.</summary>
    public string? UnavailableReason { get; }

    /// <summary>
    /// The server of this test run. A container that fails to start (Docker answers, the image cannot be pulled) fails
    /// the tests that ask, with Testcontainers' error: they were meant to run.
    /// </summary>
    public static Task<TestSqlServer> GetAsync() => Chosen.Value;

    static async Task<TestSqlServer> ChooseAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured)
        {
            return new TestSqlServer(configured, null);
        }

        if (await DockerEngine.UnavailableReasonAsync() is { } noDocker)
        {
            var reason = $"SQL Server is not available: {noDocker}, and {ServerVariable} is not set. "
                + $"Start Docker (SQL Server then runs in a container) or set {ServerVariable} to a connection string.";
            return string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException($"{reason} ({RequiredVariable} is true: the SQL Server suites must run here.)")
                : new TestSqlServer(null, reason);
        }

        var container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        return new TestSqlServer(container.GetConnectionString(), null);
    }
}
