namespace OrderService;

/// <summary>The broker, from the <c>RabbitMq</c> section (environment: <c>RabbitMq__Host</c>, …).</summary>
public sealed class RabbitMqSettings
{
    public const string SectionName = "RabbitMq";

    public string Host { get; set; } = "localhost";

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>
    /// <c>Classic</c> or <c>Quorum</c>: the type of this service's durable queues and of the processor's command queue
    /// it declares. It must match the processor's <c>RabbitMq:QueueType</c>: RabbitMQ refuses a queue declared twice
    /// with different types.
    /// </summary>
    public string QueueType { get; set; } = "Classic";

    /// <summary>True for <c>Quorum</c>, false for <c>Classic</c> (any case); any other value stops the start naming the setting.</summary>
    public bool UsesQuorumQueues => QueueType.Trim().ToUpperInvariant() switch
    {
        "CLASSIC" => false,
        "QUORUM" => true,
        _ => throw new InvalidOperationException($"RabbitMq:QueueType must be Classic or Quorum (was '{QueueType}')."),
    };
}
