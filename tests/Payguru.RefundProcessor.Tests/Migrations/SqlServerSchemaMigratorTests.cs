using Dapper;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Tests.Stores.SqlServer;

namespace Payguru.RefundProcessor.Tests.Migrations;

/// <summary>
/// The schema on SQL Server: the database created when missing, every table in it, each script
/// applied once however many instances start together (the application lock).
/// </summary>
public sealed class SqlServerSchemaMigratorTests : IAsyncLifetime
{
    readonly SqlServerTestDatabase _database = new();

    /// <summary>The server only: each test migrates a database that does not exist yet. Skips the test without a server.</summary>
    public Task InitializeAsync() => _database.ConnectAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [SkippableFact]
    public async Task Missing_database_is_created_with_every_table_and_the_relay_lease_row()
    {
        await _database.Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal(
            [
                "inbox_messages", "order_identities", "outbox_messages", "outbox_relay_lease", "payguru_tokens", "payment_status_reports", "payments",
                "refund_orders", "refund_results", "refunds", "schema_migrations", "sub_merchants",
            ],
            await QueryAsync<string>("SELECT name FROM sys.tables ORDER BY name;"));
        Assert.Equal([(1L, (string?)null)], await QueryAsync<(long, string?)>("SELECT id, owner FROM outbox_relay_lease;"));
        await AssertEachScriptAppliedOnceAsync();
    }

    [SkippableFact]
    public async Task Migrating_again_applies_nothing_twice()
    {
        await _database.Migrator().MigrateAsync(CancellationToken.None);
        await _database.Migrator().MigrateAsync(CancellationToken.None);

        await AssertEachScriptAppliedOnceAsync();
    }

    [SkippableFact]
    public async Task Migrators_starting_together_apply_each_script_once()
    {
        const int instances = 4;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var migrating = Task.WhenAll(Enumerable.Range(0, instances).Select(async _ =>
        {
            await start.Task;
            await _database.Migrator().MigrateAsync(CancellationToken.None); // each on its own connection
        }));
        start.SetResult();
        await migrating;

        await AssertEachScriptAppliedOnceAsync();
    }

    async Task AssertEachScriptAppliedOnceAsync()
    {
        var scripts = SchemaMigrator.Scripts("SqlServer");
        var applied = await QueryAsync<(long Version, string Name)>("SELECT version, name FROM schema_migrations ORDER BY version;");
        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Select(s => ((long)s.Version, s.Name)), applied);
    }

    async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
