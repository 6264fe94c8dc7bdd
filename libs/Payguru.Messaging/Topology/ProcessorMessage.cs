using MassTransit;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Topology;

/// <summary>A message type the RefundProcessor consumes, with the generic binding of its queue kept for publishers.</summary>
public sealed record ProcessorMessage(Type Type, Action<IRabbitMqBusFactoryConfigurator, string, RabbitMqQueueType> BindDurableQueue)
{
    public static ProcessorMessage Of<T>()
        where T : class =>
        new(typeof(T), (cfg, queue, queueType) => cfg.BindDurableQueue<T>(queue, queueType));

    public override string ToString() => Type.Name;
}
