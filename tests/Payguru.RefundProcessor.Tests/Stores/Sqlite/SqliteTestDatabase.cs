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
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

/// <summary>A SQLite file in a temp folder, migrated by the processor's own <see cref="SchemaMigrator"/>, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    readonly TempDirectory _directory = new("payguru-processor-test");

    public SqliteTestDatabase()
    {
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={FilePath}" };
        Connections = new SqliteConnectionFactory(MsOptions.Create(Options));
    }

    public string FilePath => _directory.File("payguru.db");

    public DatabaseOptions Options { get; }

    public IDbConnectionFactory Connections { get; }

    public InboxQueries InboxQueries { get; } = new SqliteInboxQueries();

    public OutboxQueries OutboxQueries { get; } = new SqliteOutboxQueries();

    public PaymentQueries PaymentQueries { get; } = new SqlitePaymentQueries();

    public RefundQueries RefundQueries { get; } = new SqliteRefundQueries();

    public TokenQueries TokenQueries { get; } = new SqliteTokenQueries();

    public SubMerchantQueries SubMerchantQueries { get; } = new SqliteSubMerchantQueries();

    public IdentityQueries IdentityQueries { get; } = new SqliteIdentityQueries();

    public SchemaMigrator Migrator() => new(Connections, new SqliteMigrationQueries(), MsOptions.Create(Options), NullLogger<SchemaMigrator>.Instance);

    public Task CreateAsync(CancellationToken cancellationToken) => Migrator().MigrateAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // The factory pools connections; close them so the file can be deleted.
        await using (var connection = await Connections.OpenAsync(CancellationToken.None))
        {
            SqliteConnection.ClearPool((SqliteConnection)connection);
        }

        _directory.Dispose();
    }
}
