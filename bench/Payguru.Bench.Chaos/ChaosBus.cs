using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Publishing;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The driver's own bus on the cluster (every node, quorum queues, the nack-storm recovery of the services): the
/// recording subscriber's queue, and the publisher of the commands other services would send (RequestRefund,
/// RegisterOrderIdentity).
/// </summary>
public sealed class ChaosBus : IAsyncDisposable
{
    public const string RecorderQueue = "chaos-recorder";

    readonly IBusControl _bus;

    ChaosBus(IBusControl bus) => _bus = bus;

    public static async Task<ChaosBus> StartAsync(IEnumerable<int> nodePorts, RecordedEvents events)
    {
        var options = new RabbitMqOptions
        {
            Hosts = [.. nodePorts.Select(port => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture))],
            QueueType = "Quorum",
        };
        var recycler = new BrokerConnectionRecycler(NullLogger<BrokerConnectionRecycler>.Instance);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UsePayguruBroker(options, recycler);
            cfg.ReceiveEndpoint(RecorderQueue, endpoint =>
            {
                endpoint.SetQuorumQueue();
                endpoint.PrefetchCount = 64;
                endpoint.Consumer(() => new RecordingConsumer(events));
            });
        });
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(starting.Token);
        return new ChaosBus(bus);
    }

    /// <summary>Publishes until the broker confirms it, as a caller that must not lose a command does.</summary>
    public async Task PublishUntilConfirmedAsync<T>(T message, CancellationToken stopping)
        where T : class
    {
        var messageId = NewId.NextGuid();
        while (true)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await _bus.Publish(message, context => context.MessageId = messageId, timeout.Token);
                return;
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _bus.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // A bus that cannot say goodbye to a broker in 30 s is gone with the process.
        }
    }
}
