namespace Payguru.Messaging.Configuration;

/// <summary>
/// RabbitMQ refuses a second declaration of a queue with another type, so the gateway, the processor and every
/// sender must be given the same <c>RabbitMq:QueueType</c>.
/// </summary>
public enum RabbitMqQueueType
{
    Classic,

    /// <summary>Replicated across a cluster's nodes; always durable, never exclusive or auto-delete.</summary>
    Quorum,
}
