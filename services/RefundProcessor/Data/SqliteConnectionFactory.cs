using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;
using SQLitePCL;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// SQLite connections that wait up to 30 s on a locked database (several instances may share the file);
/// synchronous=NORMAL under WAL keeps every commit durable against a process crash. A handle keeps these settings
/// in Microsoft.Data.Sqlite's pool, so they are made once per handle. A connection handed back stays open here, with
/// its compiled statements (<see cref="StatementCachingConnection"/>), until the factory is disposed.
/// </summary>
public sealed class SqliteConnectionFactory(IOptions<DatabaseOptions> options, WriteTransactionCounter? writeTransactions = null)
    : IDbConnectionFactory, IDisposable
{
    static SqliteConnectionFactory() => DatabaseTypes.Register();

    // The handles already set up; an entry goes with its handle.
    static readonly ConditionalWeakTable<sqlite3, object> SetUp = new();

    readonly string _connectionString = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
    {
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    // Handed back, last in first out: the fewest connections stay warm. Locked by itself.
    readonly Stack<StatementCachingConnection> _idle = new();
    bool _disposed;

    // Opening a connection creates the file.
    public Task EnsureDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = TakeIdle() ?? await OpenNewAsync(cancellationToken);
        connection.HandOut();
        writeTransactions?.Watch(connection);
        return connection;
    }

    StatementCachingConnection? TakeIdle()
    {
        while (true)
        {
            StatementCachingConnection? connection;
            lock (_idle)
            {
                if (!_idle.TryPop(out connection))
                {
                    return null;
                }
            }

            // An open connection goes on writing to its file after the path stops leading there (moved, deleted);
            // a new one finds out, and the readiness check with it. The pool's other handles are as stale.
            if (connection.DataSource.Length == 0 || File.Exists(connection.DataSource))
            {
                return connection;
            }

            SqliteConnection.ClearPool(connection);
            connection.CloseForGood();
        }
    }

    async Task<StatementCachingConnection> OpenNewAsync(CancellationToken cancellationToken)
    {
        var connection = new StatementCachingConnection(_connectionString, HandBack);
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

            return connection;
        }
        catch
        {
            connection.CloseForGood();
            throw;
        }
    }

    void HandBack(StatementCachingConnection connection)
    {
        lock (_idle)
        {
            if (!_disposed)
            {
                _idle.Push(connection);
                return;
            }
        }

        connection.CloseForGood();
    }

    /// <summary>Closes the connections handed back; one still out is closed when it comes back.</summary>
    public void Dispose()
    {
        StatementCachingConnection[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            connection.CloseForGood();
        }
    }
}
