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
    /// Every endpoint that <c>ConfigureEndpoints</c> creates gets the queue type of <c>RabbitMq:QueueType</c>.
    /// MassTransit declares an endpoint's <c>_error</c> and <c>_skipped</c> queues with the endpoint's queue
    /// arguments, so they get it too. The bus's own response queue is not such an endpoint and stays a
    /// temporary (auto-delete) classic queue, which a quorum queue cannot be.
    /// </summary>
    public static void AddConfiguredQueueType(this IBusRegistrationConfigurator bus) =>
        bus.AddRabbitMqConfigureEndpointsCallback((context, _, endpoint) =>
            endpoint.UseQueueType(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.DurableQueueType));

    /// <summary>
    /// Declares <paramref name="queueName"/> as part of <typeparamref name="T"/>'s publish topology, bound directly to
    /// the message type's exchange: MassTransit applies this before the first publish, so the message is routed to a
    /// durable queue even when no consumer has ever started. The consumer's own binding reaches the same queue;
    /// RabbitMQ delivers a message once per queue however many bindings route it there.
    /// </summary>
    public static void BindDurableQueue<T>(this IRabbitMqBusFactoryConfigurator cfg, string queueName, RabbitMqQueueType queueType)
        where T : class
    {
        var exchangeName = cfg.MessageTopology.GetMessageTopology<T>().EntityName;
        cfg.Publish<T>(p => p.BindQueue(exchangeName, queueName, queue => queue.UseQueueType(queueType)));
    }
}
