namespace OrderService;

/// <summary>The broker, from the <c>RabbitMq</c> section (environment: <c>RabbitMq__Host</c>, …).</summary>
public sealed class RabbitMqSettings
{
    public const string SectionName = "RabbitMq";

    /// <summary>
    /// <c>amqp://</c> or <c>amqps://user:password@host:port/vhost</c>, as a managed broker (Amazon MQ, CloudAMQP) hands
    /// it out; what it holds wins over <see cref="Host"/>, <see cref="Port"/>, the credentials and the virtual host.
    /// </summary>
    public string? Uri { get; set; }

    public string Host { get; set; } = "localhost";

    /// <summary>5672, or 5671 with TLS, when left out.</summary>
    public ushort? Port { get; set; }

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>AMQP over TLS (an <c>amqps://</c> URI means it too).</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the broker's certificate must carry, when it is not the host connected to.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>A PEM (or DER) file of the CA(s) the broker's certificate must chain to, for a private CA.</summary>
    public string? TrustedCaFile { get; set; }

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
