using MassTransit;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Topology;

/// <summary>A message type the RefundProcessor consumes, with the generic binding of its queue kept for publishers.</summary>
public sealed class ProcessorMessage
{
    readonly Action<IRabbitMqBusFactoryConfigurator, string, RabbitMqQueueType> _bindDurableQueue;

    ProcessorMessage(Type type, Action<IRabbitMqBusFactoryConfigurator, string, RabbitMqQueueType> bindDurableQueue)
    {
        Type = type;
        _bindDurableQueue = bindDurableQueue;
    }

    public Type Type { get; }

    public static ProcessorMessage Of<T>()
        where T : class =>
        new(typeof(T), (cfg, queue, queueType) => cfg.BindDurableQueue<T>(queue, queueType));

    /// <summary>Binds <paramref name="queue"/> to this message's exchange (see <see cref="DurableQueueBinding.BindDurableQueue{T}"/>).</summary>
    public void BindDurableQueue(IRabbitMqBusFactoryConfigurator cfg, string queue, RabbitMqQueueType queueType) =>
        _bindDurableQueue(cfg, queue, queueType);

    public override string ToString() => Type.Name;
}
