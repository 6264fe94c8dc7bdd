using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using MassTransit;
using Payguru.Bench.Common;
using Payguru.Contracts.Payments;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Outbox;

/// <summary>
/// Invariant 4 (docs/architecture.md) with a real broker outage: messages committed to the outbox while the processor
/// cannot reach RabbitMQ are sent by its relay once the broker is back, in order, with their
/// original ids. On SQLite and on SQL Server, the production database.
/// </summary>
public sealed class OutboxRelayAfterOutageTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const int Count = 20;

    const string SubscriberQueue = "it-outbox-subscriber";

    // Sent by the test straight to the subscriber's queue, behind everything published before it.
    const long MarkerTxid = 799999;

    static readonly Dictionary<string, string?> FastOutbox = new()
    {
        ["Outbox__RelayInterval"] = "00:00:00.500",
        ["Outbox__PublishTimeout"] = "00:00:02",
        ["Outbox__ClaimTimeout"] = "00:00:04",
        [ProcessorJob.OutboxRelay.LogLevelSetting] = "Debug",
    };

    [SkippableTheory]
    [MemberData(nameof(ProcessorDatabases.Both), MemberType = typeof(ProcessorDatabases))]
    public async Task Relay_delivers_what_was_committed_during_an_outage_once_the_broker_is_back(string database)
    {
        using var directory = new TempDirectory();
        await using var store = await ProcessorDatabases.CreateAsync(database, directory);
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var system = new DemoSystem(vhost, directory, output, store);
        await using var processor = await system.StartProcessorAsync(proxy, FastOutbox);

        var received = new ConcurrentQueue<(Guid? MessageId, long Txid)>();
        var subscriber = StartSubscriber(vhost.Name, received);
        await subscriber.StartAsync();
        try
        {
            proxy.Cut();
            var messages = Enumerable.Range(1, Count)
                .Select(i => (Id: NewId.NextGuid(), Message: Report(700000 + i)))
                .ToList();
            await CommitToOutboxAsync(system.Database, messages);

            // The relay claims them, cannot publish, and releases them with the error.
            await system.Database.WaitUntilAsync(
                ct => system.Database.CountAsync("outbox_messages", "last_error IS NOT NULL", cancellationToken: ct),
                failed => failed > 0,
                TimeSpan.FromSeconds(30),
                "the relay to fail against the cut broker");
            Assert.Equal(Count, await system.Database.CountAsync("outbox_messages", "sent_at IS NULL"));
            Assert.Empty(received);

            proxy.Restore();

            await Poll.WaitUntilAsync(() => received.Count >= Count, TimeSpan.FromSeconds(90), $"{Count} relayed messages");
            await system.Database.WaitForCountAsync("outbox_messages", Count, TimeSpan.FromSeconds(30), "sent_at IS NOT NULL");
            Assert.Equal(messages.Select(m => (Guid?)m.Id), received.Select(r => r.MessageId));
            Assert.Equal(messages.Select(m => m.Message.Txid), received.Select(r => r.Txid));
        }
        finally
        {
            await subscriber.StopAsync();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ProcessorDatabases.Both), MemberType = typeof(ProcessorDatabases))]
    public async Task Two_processor_instances_relay_each_message_once_and_in_order(string database)
    {
        using var directory = new TempDirectory();
        await using var store = await ProcessorDatabases.CreateAsync(database, directory);
        await using var vhost = await broker.CreateVirtualHostAsync();
        var system = new DemoSystem(vhost, directory, output, store);
        await using var first = await system.StartProcessorAsync(settings: FastOutbox);
        await using var second = await system.StartProcessorAsync(settings: FastOutbox);
        await vhost.WaitForQueueAsync(Messaging.Topology.ProcessorQueues.Payments, q => q.Consumers >= 2, TimeSpan.FromSeconds(60));

        var received = new ConcurrentQueue<(Guid? MessageId, long Txid)>();
        var subscriber = StartSubscriber(vhost.Name, received);
        await subscriber.StartAsync();
        try
        {
            // What crashed writers left behind: unclaimed rows that only the relays send.
            var messages = Enumerable.Range(1, 200)
                .Select(i => (Id: NewId.NextGuid(), Message: Report(710000 + i)))
                .ToList();
            await CommitToOutboxAsync(system.Database, messages);

            await Poll.WaitUntilAsync(() => received.Count >= messages.Count, TimeSpan.FromSeconds(90), "200 relayed messages");
            await system.Database.WaitForCountAsync("outbox_messages", messages.Count, TimeSpan.FromSeconds(30), "sent_at IS NOT NULL");
            // A double send would come from a relay pass still under way. Two passes of each instance's relay after
            // every row is marked sent (the second began after it), then a marker behind whatever they published.
            await Task.WhenAll(
                ProcessorJob.OutboxRelay.WaitForPassesAsync(first, 2, fromLine: first.OutputLineCount),
                ProcessorJob.OutboxRelay.WaitForPassesAsync(second, 2, fromLine: second.OutputLineCount));
            var queue = await subscriber.GetSendEndpoint(new Uri($"queue:{SubscriberQueue}"));
            await queue.Send(Report(MarkerTxid));
            await Poll.WaitUntilAsync(() => received.Any(r => r.Txid == MarkerTxid), TimeSpan.FromSeconds(30), "the marker behind the relays' sends");

            Assert.Equal(messages.Select(m => (Guid?)m.Id), received.Where(r => r.Txid != MarkerTxid).Select(r => r.MessageId));
        }
        finally
        {
            await subscriber.StopAsync();
        }
    }

    static PaymentStatusReported Report(long txid) =>
        new(txid, $"PG-{txid}", $"ORDER-{txid}", 1.00m, "1.00", 2, new DateTimeOffset(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3)), "ziraatbank", "DEMO");

    /// <summary>What a consumer's transaction leaves in the outbox, written as the processor's schema has it (the same columns in both dialects).</summary>
    static async Task CommitToOutboxAsync(ProcessorDatabase database, IReadOnlyList<(Guid Id, PaymentStatusReported Message)> messages)
    {
        await using var connection = await database.OpenWriterAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (id, message) in messages)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO outbox_messages (message_id, message_type, body, created_at)
                VALUES (@id, @type, @body, @created);
                """;
            Add(insert, "@id", id.ToString("D"));
            Add(insert, "@type", typeof(PaymentStatusReported).FullName!);
            Add(insert, "@body", JsonSerializer.Serialize(message));
            Add(insert, "@created", DateTimeOffset.UtcNow.ToString("O"));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Another service subscribing to the event, connected to the broker directly; one message at a time keeps the order visible.</summary>
    static IBusControl StartSubscriber(string virtualHost, ConcurrentQueue<(Guid?, long)> received) =>
        Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, RabbitMqBroker.Port, virtualHost, h =>
            {
                h.Username(RabbitMqBroker.Username);
                h.Password(RabbitMqBroker.Password);
            });
            cfg.ReceiveEndpoint(SubscriberQueue, e =>
            {
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.Handler<PaymentStatusReported>(context =>
                {
                    received.Enqueue((context.MessageId, context.Message.Txid));
                    return Task.CompletedTask;
                });
            });
        });
}
