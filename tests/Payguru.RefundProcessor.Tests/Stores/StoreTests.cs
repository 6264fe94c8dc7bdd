using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Tests.Infrastructure;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>What every store suite needs: a fresh migrated database per test and a clock that moves on demand.</summary>
public abstract class StoreTests<TDatabase> : IAsyncLifetime
    where TDatabase : ITestDatabase, new()
{
    protected TDatabase Database { get; } = new();

    protected ManualTimeProvider Clock { get; } = new();

    public Task InitializeAsync() => Database.CreateAsync(CancellationToken.None);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in one transaction, committed or rolled back.</summary>
    protected async Task<T> InTransactionAsync<T>(Func<DbTransaction, Task<T>> work, bool commit = true)
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await work(transaction);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return result;
    }

    /// <summary>Reads one value with portable SQL, outside any store, to check what was stored.</summary>
    protected async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }
}
