using System.Runtime.InteropServices;
using MassTransit;
using Payguru.Contracts.Payments;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Topology;

namespace Payguru.Bench;

/// <summary>
/// The real case's baseline: a plain MassTransit consumer that acknowledges PaymentAccepted and does nothing else (no
/// database), on the processor's queue name of its own virtual host, fed by a gateway of its own as the processor is.
/// The queue is the same kind: durable, <c>RabbitMq:QueueType</c> (Classic unless set), and the processor's prefetch
/// on it (<see cref="ProcessorTopology.GroupCommittedPrefetch"/>), so the same concurrency. A process of its own (notifications.sh's
/// <c>baseline-consumer</c> mode) with the processor's GC, so that it shares nothing with the load generator.
/// </summary>
public sealed class BaselinePaymentConsumer : IConsumer<PaymentAccepted>
{
    static long warmup;
    static long measured;

    public Task Consume(ConsumeContext<PaymentAccepted> context)
    {
        Interlocked.Increment(ref context.Message.Txid >= TxidRanges.Measured ? ref measured : ref warmup);
        return Task.CompletedTask;
    }

    /// <summary>Consumes until SIGTERM or SIGINT, writing its counts to the progress file.</summary>
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

        var options = new RabbitMqOptions
        {
            Host = settings.RabbitHost,
            Port = settings.RabbitPort,
            VirtualHost = settings.VirtualHost,
            // The processor's queue type when the script sets one for the services.
            QueueType = Environment.GetEnvironmentVariable("RabbitMq__QueueType") ?? nameof(RabbitMqQueueType.Classic),
        };
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            // The services' broker settings (publisher confirms, heartbeats), as the processor's bus.
            cfg.UsePayguruBroker(options);
            cfg.ReceiveEndpoint(ProcessorQueues.Payments, e =>
            {
                e.UseQueueType(options.DurableQueueType);
                e.PrefetchCount = ProcessorTopology.GroupCommittedPrefetch;
                e.Consumer<BaselinePaymentConsumer>();
            });
        });
        using (var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await bus.StartAsync(startTimeout.Token);
        }

        Console.WriteLine($"baseline consumer: consuming {ProcessorQueues.Payments} on vhost {settings.VirtualHost}");
        try
        {
            while (!stop.IsCancellationRequested)
            {
                ConsumerProgress.Write(settings.ProgressFile, Interlocked.Read(ref warmup), Interlocked.Read(ref measured));
                await Task.Delay(ConsumerProgress.Interval, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await bus.StopAsync(CancellationToken.None);
        return 0;
    }
}
