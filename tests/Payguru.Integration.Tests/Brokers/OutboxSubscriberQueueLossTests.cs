using System.Globalization;
using MassTransit;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Topology;
using Payguru.Testing;
using RabbitMQ.Client;

namespace Payguru.Integration.Tests.Brokers;

/// <summary>
/// Invariant 4 (docs/architecture.md) when a subscriber's quorum queue loses its leader on a real cluster: the outbox's
/// publish is nacked, the event stays in the outbox, and once the node is back it is delivered and the outbox empties.
/// This is the processor's half of the 3.10 nack storm scenario (docs/brokers.md); here the recycler reopens the
/// connection after three nacks, but the storm itself did not reproduce this way: with the recycler switched off the
/// outbox emptied too once the node was back, so the test holds the outcome, not the recycler (the gateway's storm is
/// <see cref="QuorumLeaderLossTests"/>).
/// </summary>
public sealed class OutboxSubscriberQueueLossTests(BrokerCluster cluster, ITestOutputHelper output) : IClassFixture<BrokerCluster>
{
    const string SubscriberQueue = "storm-subscriber";

    [Fact]
    public async Task An_event_nacked_while_a_subscriber_queue_has_no_leader_is_delivered_once_it_is_back()
    {
        var nodes = cluster.Nodes;
        // A subscriber's queue with one member, on node 3: with node 3 dead it has no leader, while the processor's own
        // queues (members on all three nodes) keep their majority and go on being consumed.
        await DeclareSubscriberQueueAsync(nodes.AmqpPorts[2]);

        using var directory = new TempDirectory();
        var database = new SqliteProbe(Path.Combine(directory.Path, "payguru.db"));
        var environment = new Dictionary<string, string?>(DemoSystem.Development)
        {
            ["RabbitMq__QueueType"] = "Quorum",
            // Nodes 1 and 2 only: the processor's connection is not the one that dies.
            ["RabbitMq__Hosts__0"] = "127.0.0.1:" + nodes.AmqpPorts[0].ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__Hosts__1"] = "127.0.0.1:" + nodes.AmqpPorts[1].ToString(CultureInfo.InvariantCulture),
            ["Outbox__RelayInterval"] = "00:00:00.500",
            ["Outbox__PublishTimeout"] = "00:00:02",
            ["Outbox__ClaimTimeout"] = "00:00:04",
        };
        foreach (var (name, value) in database.ProcessorSettings)
        {
            environment[name] = value;
        }

        await using var processor = ServiceProcess.StartRefundProcessor(environment, directory.Path, output, ["--urls", FreePort.NextHttpUrl()]);
        await Poll.WaitUntilAsync(
            async _ => (await nodes.CtlAsync(1, "-q", "list_queues", "name", "consumers", "--no-table-headers"))
                .Split('\n')
                .Any(line => line.StartsWith(ProcessorQueues.Refunds + "\t", StringComparison.Ordinal) && !line.EndsWith("\t0", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90),
            "the processor to consume its refund queue");

        await nodes.KillAsync(3);

        // A request the processor refuses by itself (no provider call): its RefundRejected goes through the outbox, and
        // its publish reaches the leaderless subscriber queue.
        var requestId = Guid.NewGuid();
        await PublishAsync(nodes.AmqpPorts[0], new RequestRefund(requestId, "ORDER-NACK-STORM", null, "DEMO", -1.00m, "Storm Customer", "TR800011100000000036888459", null));
        await database.WaitUntilAsync(
            ct => database.CountAsync("outbox_messages", "last_error IS NOT NULL", cancellationToken: ct),
            failed => failed > 0,
            TimeSpan.FromSeconds(60),
            "the outbox's publish to fail while the subscriber queue has no leader");

        // The leader is back: the relay's next publish must be confirmed (RabbitMQ before 3.12.5 may nack a channel that
        // published without a leader for ever; the recycler reopens the connection then).
        await nodes.RestartAsync(3);
        await Poll.WaitUntilAsync(
            async _ => (await nodes.CtlAsync(1, "-q", "list_queues", "name", "messages", "--no-table-headers"))
                .Split('\n')
                .Any(line => line.StartsWith(SubscriberQueue + "\t", StringComparison.Ordinal) && !line.EndsWith("\t0", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(120),
            "the subscriber queue to receive the RefundRejected");

        await database.WaitForCountAsync("outbox_messages", 0, TimeSpan.FromSeconds(30), "sent_at IS NULL");
        Assert.True(processor.HasOutput("left for the relay"), "the first publish should have failed and left the event to the relay");
    }

    /// <summary>The event's exchange as MassTransit declares it, bound to a quorum queue of one member on the node connected to.</summary>
    static async Task DeclareSubscriberQueueAsync(ushort port)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = port };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = "Payguru.Contracts.Refunds:RefundRejected";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(SubscriberQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-quorum-initial-group-size"] = 1 });
        await channel.QueueBindAsync(SubscriberQueue, exchange, "");
    }

    /// <summary>Publishes as another service does (MassTransit on node 1), confirmed.</summary>
    static async Task PublishAsync<T>(ushort port, T message)
        where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
            cfg.UsePayguruBroker(new RabbitMqOptions { Host = "127.0.0.1", Port = port, QueueType = "Quorum" }));
        using (var start = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await bus.StartAsync(start.Token);
        }

        try
        {
            await bus.Publish(message);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
