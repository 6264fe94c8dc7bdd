namespace Payguru.Messaging.Configuration;

/// <summary>The broker, bound from the <c>RabbitMq</c> configuration section.</summary>
public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary><c>Classic</c> (default) or <c>Quorum</c>, case-insensitive: the type of every durable queue (see <see cref="RabbitMqQueueType"/>).</summary>
    public string QueueType { get; set; } = nameof(RabbitMqQueueType.Classic);

    /// <summary><see cref="QueueType"/> as a value; only read once the options passed validation.</summary>
    public RabbitMqQueueType DurableQueueType => Enum.Parse<RabbitMqQueueType>(QueueType.Trim(), ignoreCase: true);
}
