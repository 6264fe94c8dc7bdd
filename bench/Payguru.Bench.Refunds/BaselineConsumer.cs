using System.Runtime.InteropServices;
using MassTransit;
using Payguru.Contracts.Refunds;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Topology;

namespace Payguru.Bench.Refunds;

/// <summary>
/// The baseline: a plain MassTransit consumer of <see cref="RequestRefund"/> on the queue the
/// processor consumes (<c>refund-processor-refunds</c>, on the baseline's own virtual host) that
/// publishes a <see cref="RefundSubmitted"/> at once. No database, no HTTP, no validation: what
/// the bus itself costs a refund (consume, publish with confirm, deliver to the requester).
/// </summary>
public sealed class BaselineRefundConsumer : IConsumer<RequestRefund>
{
    static long lastRefundId;

    public Task Consume(ConsumeContext<RequestRefund> context)
    {
        var request = context.Message;
        return context.Publish(new RefundSubmitted(
            request.RefundRequestId,
            Interlocked.Increment(ref lastRefundId),
            request.Order,
            request.PayguruCode,
            request.ServiceCode ?? "DEMO",
            request.Amount,
            DateTimeOffset.UtcNow));
    }

    /// <summary>Runs the consumer until SIGTERM or SIGINT (refunds.sh starts it as a process of its own).</summary>
    public static async Task<int> RunAsync(BaselineConsumerSettings settings)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        // Like the processor: its broker settings (publisher confirms on), its prefetch on refund requests.
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UsePayguruBroker(new RabbitMqOptions { Host = settings.RabbitHost, Port = settings.RabbitPort, VirtualHost = settings.VirtualHost });
            cfg.ReceiveEndpoint(RefundEndpoints.RequestRefundQueue, e =>
            {
                e.PrefetchCount = ProcessorTopology.GroupCommittedPrefetch;
                e.Consumer<BaselineRefundConsumer>();
            });
        });
        using (var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await bus.StartAsync(startTimeout.Token);
        }

        Console.WriteLine($"baseline consumer: consuming {RefundEndpoints.RequestRefundQueue} on vhost {settings.VirtualHost}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await bus.StopAsync(CancellationToken.None);
        return 0;
    }
}
