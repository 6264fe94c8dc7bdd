using MassTransit;
using Payguru.Bench.Common;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Topology;

namespace Payguru.Bench;

/// <summary>
/// The baseline: the same PaymentAccepted messages published straight from a MassTransit bus
/// with publisher confirms, on a virtual host of its own so that the processor never sees them.
/// It is what the gateway's publish costs with no HTTP, no key check and no other process.
/// </summary>
public sealed class BaselineLoad : IAsyncDisposable
{
    // Bound in the publish topology like the gateway binds the processor's queue, so every
    // baseline message is routed to a durable queue too. Deleted with the virtual host.
    public const string QueueName = "bench-baseline-payments";

    readonly IBusControl bus;

    BaselineLoad(IBusControl bus) => this.bus = bus;

    public static async Task<BaselineLoad> StartAsync(string host, ushort port, string virtualHost, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            // The services' broker settings, publisher confirms included: the baseline's meaning depends on them.
            cfg.UsePayguruBroker(new RabbitMqOptions { Host = host, Port = port, VirtualHost = virtualHost });
            cfg.BindDurableQueue<PaymentAccepted>(QueueName, RabbitMqQueueType.Classic);
        });
        await bus.StartAsync(cancellationToken);
        return new BaselineLoad(bus);
    }

    /// <summary>Publishes txids first..first+count-1 at <paramref name="concurrency"/>; success is the broker's confirm.</summary>
    public Task<LoadResult> RunAsync(long firstTxid, int count, int concurrency, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var messages = new PaymentAccepted[count];
        for (var i = 0; i < count; i++)
        {
            messages[i] = BenchPayment.Create(firstTxid + i, now).ToMessage();
        }

        return ConcurrentLoad.RunAsync(count, concurrency, (i, ct) => PublishAsync(messages[i], ct), cancellationToken);
    }

    async Task<string?> PublishAsync(PaymentAccepted message, CancellationToken cancellationToken)
    {
        // Same deterministic id as the gateway gives the message.
        await bus.Publish(message, context => context.MessageId = MessageIds.Payment(message.Txid, message.Status), cancellationToken);
        return null;
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync(CancellationToken.None);
}
