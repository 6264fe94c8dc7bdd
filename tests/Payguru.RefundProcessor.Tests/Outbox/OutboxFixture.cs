using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.RefundProcessor.Tests.Stores.Sqlite;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>A migrated SQLite outbox with a manual clock and a recording transport, for the sender and relay tests.</summary>
public abstract class OutboxFixture : IAsyncLifetime
{
    protected SqliteTestDatabase Database { get; } = new();

    protected ManualTimeProvider Clock { get; } = new();

    protected RecordingOutboxTransport Transport { get; } = new();

    protected OutboxOptions Settings { get; } = new()
    {
        RelayInterval = TimeSpan.FromSeconds(1),
        ClaimTimeout = TimeSpan.FromSeconds(30),
        PublishTimeout = TimeSpan.FromSeconds(10),
        BatchSize = 100,
    };

    protected OutboxStore Store => StoreOn(Clock);

    protected OutboxSender Sender => SenderOn(Clock);

    public Task InitializeAsync() => Database.CreateAsync(CancellationToken.None);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>A relay of processor instance <paramref name="instanceId"/>; on the manual clock unless told otherwise.</summary>
    protected OutboxRelay Relay(string instanceId, TimeProvider? clock = null) => new(
        StoreOn(clock ?? Clock), SenderOn(clock ?? Clock), new ProcessorInstance(instanceId), MsOptions.Create(Settings),
        clock ?? Clock, NullLogger<OutboxRelay>.Instance);

    OutboxStore StoreOn(TimeProvider clock) => new(Database.OutboxQueries, Database.Connections, clock);

    OutboxSender SenderOn(TimeProvider clock) => new(Transport, StoreOn(clock), MsOptions.Create(Settings), NullLogger<OutboxSender>.Instance);

    protected static List<PaymentAccepted> Payments(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new PaymentAccepted(
                1000 + i, $"PG-{i}", $"order-{i}", 10.50m + i, (10.50m + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                3, new DateTimeOffset(2025, 5, 30, 14, 15, i % 60, TimeSpan.FromHours(3)), "0062", "svc-1"))
            .ToList();

    /// <summary>Stores <paramref name="messages"/> as a committed consumer would, due for the relay after <paramref name="dueAfter"/>.</summary>
    protected async Task<IReadOnlyList<OutboxRecord>> AddAsync(IEnumerable<object> messages, TimeSpan dueAfter)
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var records = await Store.AddAsync(
            transaction, messages.Select(m => OutboxSerializer.Envelope(m, Guid.NewGuid())).ToList(), dueAfter);
        await transaction.CommitAsync();
        return records;
    }

    protected async Task<IReadOnlyList<string?>> LastErrorsAsync()
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string?>("SELECT last_error FROM outbox_messages ORDER BY sequence;")).ToList();
    }
}
