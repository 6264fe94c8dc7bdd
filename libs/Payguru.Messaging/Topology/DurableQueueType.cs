using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Topology;

/// <summary>
/// Gives a durable queue the configured <see cref="RabbitMqQueueType"/>. Every declaration of a queue must
/// carry the same <c>x-queue-type</c> or RabbitMQ closes the channel with PRECONDITION_FAILED.
/// </summary>
public static class DurableQueueType
{
    /// <summary>Classic adds no argument (queues declared before the setting existed stay equivalent); Quorum sets <c>x-queue-type</c>.</summary>
    public static void UseQueueType(this IRabbitMqQueueConfigurator queue, RabbitMqQueueType queueType)
    {
        if (queueType == RabbitMqQueueType.Quorum)
        {
            queue.SetQuorumQueue();
        }
    }

    /// <summary>
    /// Every endpoint <c>ConfigureEndpoints</c> creates, and with it its <c>_error</c> and <c>_skipped</c> queues. The bus's
    /// own response queue is not such an endpoint and stays a temporary classic queue, which a quorum queue cannot be.
    /// </summary>
    public static void AddConfiguredQueueType(this IBusRegistrationConfigurator bus) =>
        bus.AddRabbitMqConfigureEndpointsCallback((context, _, endpoint) =>
            endpoint.UseQueueType(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.DurableQueueType));

    /// <summary>
    /// Part of the publish topology, applied before the first publish: the message reaches a durable queue even when no
    /// consumer has ever started. RabbitMQ delivers it once per queue however many bindings route it there.
    /// </summary>
    public static void BindDurableQueue<T>(this IRabbitMqBusFactoryConfigurator cfg, string queueName, RabbitMqQueueType queueType)
        where T : class
    {
        var exchangeName = cfg.MessageTopology.GetMessageTopology<T>().EntityName;
        cfg.Publish<T>(p => p.BindQueue(exchangeName, queueName, queue => queue.UseQueueType(queueType)));
    }
}
