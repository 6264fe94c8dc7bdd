using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Paywall;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Tokens;
using Payguru.Testing;
using SQLitePCL;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

/// <summary>A SQLite file in a temp folder, migrated by the processor's own <see cref="SchemaMigrator"/>, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    readonly TempDirectory _directory = new("payguru-processor-test");
    readonly SqliteConnectionFactory _connections;

    public SqliteTestDatabase()
    {
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={FilePath}" };
        _connections = new SqliteConnectionFactory(MsOptions.Create(Options));
    }

    public string FilePath => _directory.File("payguru.db");

    public DatabaseOptions Options { get; }

    public IDbConnectionFactory Connections => _connections;

    public InboxQueries InboxQueries { get; } = new SqliteInboxQueries();

    public OutboxQueries OutboxQueries { get; } = new SqliteOutboxQueries();

    public PaymentQueries PaymentQueries { get; } = new SqlitePaymentQueries();

    public RefundQueries RefundQueries { get; } = new SqliteRefundQueries();

    public TokenQueries TokenQueries { get; } = new SqliteTokenQueries();

    public SubMerchantQueries SubMerchantQueries { get; } = new SqliteSubMerchantQueries();

    public IdentityQueries IdentityQueries { get; } = new SqliteIdentityQueries();

    public SchemaMigrator Migrator() => new(Connections, new SqliteMigrationQueries(), MsOptions.Create(Options), NullLogger<SchemaMigrator>.Instance);

    public Task CreateAsync(CancellationToken cancellationToken) => Migrator().MigrateAsync(cancellationToken);

    public async Task<bool> IsLockedOutAsync(Func<DbTransaction, Task> work)
    {
        // Not pooled: its busy_timeout of 0 must not reach the stores' connections.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Options.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        // Begun through SQLite itself: Microsoft.Data.Sqlite would retry a busy BEGIN until its command timeout.
        raw.sqlite3_busy_timeout(connection.Handle, 0);
        var begun = raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE;");
        if (begun == raw.SQLITE_BUSY)
        {
            return true;
        }

        SqliteException.ThrowExceptionForRC(begun, connection.Handle);
        raw.sqlite3_exec(connection.Handle, "ROLLBACK;");
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        // The factory keeps connections open, and Microsoft.Data.Sqlite pools their handles; close both so the file can be deleted.
        await using (var connection = await Connections.OpenAsync(CancellationToken.None))
        {
            SqliteConnection.ClearPool((SqliteConnection)connection);
        }

        _connections.Dispose();

        _directory.Dispose();
    }
}
