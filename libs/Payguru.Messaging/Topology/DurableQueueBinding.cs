using MassTransit;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Topology;

public static class DurableQueueBinding
{
    /// <summary>
    /// Declares <paramref name="queueName"/> (of <paramref name="queueType"/>) as part of <typeparamref name="T"/>'s
    /// publish topology and binds it directly to the message type's exchange. MassTransit applies this before the
    /// first publish, so the message is routed to a durable queue even when no consumer has ever started. The
    /// consumer's own endpoint binding reaches the same queue; RabbitMQ delivers a message once per queue however
    /// many bindings route it there.
    /// </summary>
    public static void BindDurableQueue<T>(this IRabbitMqBusFactoryConfigurator cfg, string queueName, RabbitMqQueueType queueType)
        where T : class
    {
        var exchangeName = cfg.MessageTopology.GetMessageTopology<T>().EntityName;
        cfg.Publish<T>(p => p.BindQueue(exchangeName, queueName, queue => queue.UseQueueType(queueType)));
    }
}
