using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;
using SQLitePCL;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// Pooled SQLite connections that wait up to 30 s on a locked database (several instances may share the file);
/// synchronous=NORMAL under WAL keeps every commit durable against a process crash. A pooled connection keeps its
/// SQLite handle, and with it these settings: they are made once per handle, not on every open.
/// </summary>
public sealed class SqliteConnectionFactory(IOptions<DatabaseOptions> options, WriteTransactionCounter? writeTransactions = null) : IDbConnectionFactory
{
    static SqliteConnectionFactory() => DatabaseTypes.Register();

    // The handles already set up; an entry goes with its handle.
    static readonly ConditionalWeakTable<sqlite3, object> SetUp = new();

    readonly string _connectionString = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
    {
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    // Opening a connection creates the file.
    public Task EnsureDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!SetUp.TryGetValue(connection.Handle!, out _))
            {
                await using var pragma = connection.CreateCommand();
                // SQLite's own busy handler waits for the write lock in short steps (up to 30 s); without it
                // Microsoft.Data.Sqlite retries a busy database only every 150 ms, which set the refunds' p99.
                pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                SetUp.AddOrUpdate(connection.Handle!, SetUp);
            }

            writeTransactions?.Watch(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
