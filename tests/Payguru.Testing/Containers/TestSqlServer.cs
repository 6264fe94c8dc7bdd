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

    static readonly Lazy<Task<TestSqlServer>> Chosen = new(() => ChooseAsync(
        Environment.GetEnvironmentVariable(ServerVariable),
        Environment.GetEnvironmentVariable(RequiredVariable),
        DockerEngine.UnavailableReasonAsync,
        StartContainerAsync));

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

    /// <summary>
    /// The choice, from the two variables' values, the Docker engine's answer and a way to start a container (asked only
    /// when neither the variable nor a missing engine decides).
    /// </summary>
    public static async Task<TestSqlServer> ChooseAsync(
        string? configured, string? required, Func<Task<string?>> dockerUnavailableReason, Func<Task<string>> startContainer)
    {
        if (configured is { Length: > 0 })
        {
            return new TestSqlServer(configured, null);
        }

        if (await dockerUnavailableReason() is { } noDocker)
        {
            var reason = $"SQL Server is not available: {noDocker}, and {ServerVariable} is not set. "
                + $"Start Docker (SQL Server then runs in a container) or set {ServerVariable} to a connection string.";
            return string.Equals(required, "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException($"{reason} ({RequiredVariable} is true: the SQL Server suites must run here.)")
                : new TestSqlServer(null, reason);
        }

        return new TestSqlServer(await startContainer(), null);
    }

    /// <summary>SQL Server in a container for the rest of the test run; its connection string, to master as sa.</summary>
    static async Task<string> StartContainerAsync()
    {
        var container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }
}
