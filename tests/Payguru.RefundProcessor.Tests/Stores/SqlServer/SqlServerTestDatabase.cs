using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Tokens;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

/// <summary>
/// A fresh database on the SQL Server named by <see cref="ServerVariable"/>, created for one test,
/// migrated by the processor's own <see cref="SchemaMigrator"/>, and dropped on dispose. Without the
/// variable the SQL Server suites are skipped with <see cref="SkipReason"/>.
/// </summary>
public sealed class SqlServerTestDatabase : ITestDatabase
{
    /// <summary>A connection string to a SQL Server whose login may create and drop databases.</summary>
    public const string ServerVariable = "PAYGURU_TEST_SQLSERVER";

    readonly string _name = $"payguru_test_{Guid.NewGuid():N}";
    bool _created;

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

    public IInboxQueries InboxQueries { get; } = new SqlServerInboxQueries();

    public IOutboxQueries OutboxQueries { get; } = new SqlServerOutboxQueries();

    public IPaymentQueries PaymentQueries { get; } = new SqlServerPaymentQueries();

    public IRefundQueries RefundQueries { get; } = new SqlServerRefundQueries();

    public ITokenQueries TokenQueries { get; } = new SqlServerTokenQueries();

    public SchemaMigrator Migrator() => new(Connections, new SqlServerMigrationQueries(), MsOptions.Create(Options), NullLogger<SchemaMigrator>.Instance);

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await CreateEmptyAsync(cancellationToken);
        await Migrator().MigrateAsync(cancellationToken);
    }

    /// <summary>Creates the database without any table, as a new deployment finds it.</summary>
    public async Task CreateEmptyAsync(CancellationToken cancellationToken)
    {
        await using var master = await OpenMasterAsync(cancellationToken);
        await master.ExecuteAsync($"CREATE DATABASE [{_name}];");
        _created = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created)
        {
            return;
        }

        // Pooled connections keep the database in use; close them, and any left open, before dropping it.
        SqlConnection.ClearPool(new SqlConnection(Options.ConnectionString));
        await using var master = await OpenMasterAsync(CancellationToken.None);
        await master.ExecuteAsync($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}];");
    }

    async Task<SqlConnection> OpenMasterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(new SqlConnectionStringBuilder(ServerConnectionString!) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
