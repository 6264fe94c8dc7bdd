namespace Payguru.Messaging.Configuration;

/// <summary>
/// The type of every durable queue the services declare (<c>RabbitMq:QueueType</c>). RabbitMQ refuses a
/// second declaration of a queue with another type, so the gateway, the processor and every sender
/// must be given the same value.
/// </summary>
public enum RabbitMqQueueType
{
    Classic,

    /// <summary>Replicated across a cluster's nodes; always durable, never exclusive or auto-delete.</summary>
    Quorum,
}
