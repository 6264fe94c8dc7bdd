using System.Data.Common;
using Microsoft.Data.SqlClient;
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
using Payguru.Testing.Containers;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

/// <summary>
/// A fresh database on the <see cref="TestSqlServer"/> (PAYGURU_TEST_SQLSERVER's, or one in a container), for one
/// test: created and migrated by the processor's own <see cref="SchemaMigrator"/>, dropped on dispose. Without a
/// server, <see cref="ConnectAsync"/> skips the test with the reason.
/// </summary>
public sealed class SqlServerTestDatabase : ITestDatabase
{
    // "Lock request time out period exceeded": with LOCK_TIMEOUT 0, at once.
    const int LockRequestTimedOut = 1222;

    TestSqlServerDatabase? _database;
    DatabaseOptions? _options;
    IDbConnectionFactory? _connections;

    public DatabaseOptions Options => _options ?? throw NotConnected();

    public IDbConnectionFactory Connections => _connections ?? throw NotConnected();

    public InboxQueries InboxQueries { get; } = new SqlServerInboxQueries();

    public OutboxQueries OutboxQueries { get; } = new SqlServerOutboxQueries();

    public PaymentQueries PaymentQueries { get; } = new SqlServerPaymentQueries();

    public RefundQueries RefundQueries { get; } = new SqlServerRefundQueries();

    public TokenQueries TokenQueries { get; } = new SqlServerTokenQueries();

    public SubMerchantQueries SubMerchantQueries { get; } = new SqlServerSubMerchantQueries();

    public IdentityQueries IdentityQueries { get; } = new SqlServerIdentityQueries();

    /// <summary>Picks this database's name on the test run's server (nothing is created yet); skips the test without one.</summary>
    public async Task ConnectAsync()
    {
        var server = await TestSqlServer.GetAsync();
        Skip.If(server.UnavailableReason is not null, server.UnavailableReason);
        _database = new TestSqlServerDatabase(server.ConnectionString!);
        _options = new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = _database.ConnectionString };
        _connections = new SqlServerConnectionFactory(MsOptions.Create(_options));
    }

    public SchemaMigrator Migrator() => new(Connections, new SqlServerMigrationQueries(), MsOptions.Create(Options), NullLogger<SchemaMigrator>.Instance);

    /// <summary>The processor's migrator creates the database (it does not exist yet) and its tables.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync();
        await Migrator().MigrateAsync(cancellationToken);
    }

    public async Task<bool> IsLockedOutAsync(Func<DbTransaction, Task> work)
    {
        // Not pooled: its LOCK_TIMEOUT of 0 must not reach the stores' connections.
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(Options.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var noWait = connection.CreateCommand())
        {
            noWait.CommandText = "SET LOCK_TIMEOUT 0;";
            await noWait.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await work(transaction);
            return false;
        }
        catch (SqlException e) when (e.Number == LockRequestTimedOut)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    static InvalidOperationException NotConnected() => new($"{nameof(ConnectAsync)} first: the server is chosen there.");
}
