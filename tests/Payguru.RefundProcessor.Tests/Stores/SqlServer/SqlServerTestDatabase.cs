using Dapper;
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
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

/// <summary>
/// A fresh database on the SQL Server named by <see cref="ServerVariable"/>, for one test: created
/// and migrated by the processor's own <see cref="SchemaMigrator"/>, dropped on dispose. Without the
/// variable the SQL Server suites are skipped with <see cref="SkipReason"/>.
/// </summary>
public sealed class SqlServerTestDatabase : ITestDatabase
{
    /// <summary>A connection string to a SQL Server whose login may create and drop databases.</summary>
    public const string ServerVariable = "PAYGURU_TEST_SQLSERVER";

    readonly string _name = $"payguru_test_{Guid.NewGuid():N}";

    public SqlServerTestDatabase()
    {
        var builder = new SqlConnectionStringBuilder(ServerConnectionString ?? "") { InitialCatalog = _name };
        Options = new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = builder.ConnectionString };
        Connections = new SqlServerConnectionFactory(MsOptions.Create(Options));
    }

    public static string? SkipReason => ServerConnectionString is null
        ? $"SQL Server is not available: set {ServerVariable} to a connection string (e.g. the compose file's sqlserver service) to run the SQL Server store suites."
        : null;

    static string? ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    public DatabaseOptions Options { get; }

    public IDbConnectionFactory Connections { get; }

    public InboxQueries InboxQueries { get; } = new SqlServerInboxQueries();

    public OutboxQueries OutboxQueries { get; } = new SqlServerOutboxQueries();

    public PaymentQueries PaymentQueries { get; } = new SqlServerPaymentQueries();

    public RefundQueries RefundQueries { get; } = new SqlServerRefundQueries();

    public TokenQueries TokenQueries { get; } = new SqlServerTokenQueries();

    public SubMerchantQueries SubMerchantQueries { get; } = new SqlServerSubMerchantQueries();

    public IdentityQueries IdentityQueries { get; } = new SqlServerIdentityQueries();

    public SchemaMigrator Migrator() => new(Connections, new SqlServerMigrationQueries(), MsOptions.Create(Options), NullLogger<SchemaMigrator>.Instance);

    /// <summary>The processor's migrator creates the database (it does not exist yet) and its tables.</summary>
    public Task CreateAsync(CancellationToken cancellationToken) => Migrator().MigrateAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (ServerConnectionString is null)
        {
            return;
        }

        // Pooled connections keep the database in use; close them, and any left open, before dropping it.
        SqlConnection.ClearPool(new SqlConnection(Options.ConnectionString));
        await using var master = await OpenMasterAsync(CancellationToken.None);
        await master.ExecuteAsync($"""
            IF DB_ID(N'{_name}') IS NOT NULL
            BEGIN
                ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{_name}];
            END;
            """);
    }

    async Task<SqlConnection> OpenMasterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(new SqlConnectionStringBuilder(ServerConnectionString!) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
