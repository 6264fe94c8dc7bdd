using Dapper;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Tests.Stores.Sqlite;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Data;

/// <summary>
/// The write counter and the connection settings hold for a pooled SQLite handle, which is set up once and then
/// reused: a committed change counts once, a rolled-back one never (nor a later commit that changes nothing), and every open has the busy timeout.
/// </summary>
public sealed class WriteTransactionCounterTests : IAsyncLifetime
{
    readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.CreateAsync(CancellationToken.None);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE probe (id INTEGER PRIMARY KEY)");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Reused_handle_counts_each_changing_commit_once_and_no_rollback()
    {
        var writes = new WriteTransactionCounter();
        var connections = new SqliteConnectionFactory(MsOptions.Create(_database.Options), writes);

        for (var round = 0; round < 3; round++)
        {
            // The processor hands a connection back after a rollback, as here.
            await using (var connection = await connections.OpenAsync(CancellationToken.None))
            await using (var rolledBack = await connection.BeginTransactionAsync())
            {
                await connection.ExecuteAsync("INSERT INTO probe DEFAULT VALUES", transaction: rolledBack);
                await rolledBack.RollbackAsync();
            }

            await using (var connection = await connections.OpenAsync(CancellationToken.None))
            await using (var unchanged = await connection.BeginTransactionAsync())
            {
                // A write transaction that changes no row: it commits, and counts nothing.
                await connection.ExecuteAsync("DELETE FROM probe WHERE id < 0", transaction: unchanged);
                await unchanged.CommitAsync();
            }

            await using (var connection = await connections.OpenAsync(CancellationToken.None))
            {
                Assert.Equal(30000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
                await using var committed = await connection.BeginTransactionAsync();
                await connection.ExecuteAsync("INSERT INTO probe DEFAULT VALUES", transaction: committed);
                await committed.CommitAsync();
            }

            await using (var connection = await connections.OpenAsync(CancellationToken.None))
            {
                // A read commits nothing.
                await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM probe");
            }
        }

        Assert.Equal(3L, writes.Count);
    }
}
