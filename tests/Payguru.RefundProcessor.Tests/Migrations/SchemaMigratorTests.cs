using Dapper;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Tests.Stores.Sqlite;

namespace Payguru.RefundProcessor.Tests.Migrations;

/// <summary>The schema at start-up: every table on a fresh file, each script applied once however many instances start.</summary>
public sealed class SchemaMigratorTests : IAsyncLifetime
{
    readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void Sqlite_dialect_has_scripts_in_strictly_increasing_versions()
    {
        var versions = SchemaMigrator.Scripts("Sqlite").Select(s => s.Version).ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order().Distinct(), versions);
    }

    [Fact]
    public async Task Fresh_file_gets_every_table()
    {
        await _database.Migrator().MigrateAsync(CancellationToken.None);

        var tables = await QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        Assert.Equal(
            [
                "inbox_messages", "order_identities", "outbox_messages", "outbox_relay_lease", "payguru_tokens", "payment_status_reports", "payments",
                "refund_orders", "refund_results", "refunds", "schema_migrations", "sub_merchants",
            ],
            tables);
        Assert.Equal([(1L, (string?)null)], await QueryAsync<(long, string?)>("SELECT id, owner FROM outbox_relay_lease;"));
    }

    [Fact]
    public async Task Fresh_file_records_every_script_it_applied()
    {
        await _database.Migrator().MigrateAsync(CancellationToken.None);

        await AssertEachScriptAppliedOnceAsync();
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_twice()
    {
        await _database.Migrator().MigrateAsync(CancellationToken.None);
        await _database.Migrator().MigrateAsync(CancellationToken.None);

        await AssertEachScriptAppliedOnceAsync();
    }

    [Fact]
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

    [Fact]
    public async Task Migrated_file_is_in_wal_journal_mode()
    {
        await _database.Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal("wal", (await QueryAsync<string>("PRAGMA journal_mode;")).Single(), ignoreCase: true);
    }

    async Task AssertEachScriptAppliedOnceAsync()
    {
        var scripts = SchemaMigrator.Scripts("Sqlite");
        var applied = await QueryAsync<(long Version, string Name)>("SELECT version, name FROM schema_migrations ORDER BY version;");
        Assert.Equal(scripts.Select(s => ((long)s.Version, s.Name)), applied);
    }

    async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
