namespace Payguru.Messaging.Configuration;

public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary>
    /// <c>amqps://user:password@host:port/vhost</c> (what a managed broker hands out): what it holds wins over the
    /// parts, and <c>amqps</c> turns <see cref="UseTls"/> on.
    /// </summary>
    public string? Uri { get; set; }

    public string Host { get; set; } = "localhost";

    /// <summary>Unset: 5671 with <see cref="UseTls"/>, 5672 without.</summary>
    public ushort? Port { get; set; }

    /// <summary>Cluster members (<c>host</c> or <c>host:port</c>), tried in order on every (re)connect; replaces <see cref="Host"/>.</summary>
    public List<string> Hosts { get; set; } = [];

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public bool UseTls { get; set; }

    /// <summary>The name the broker's certificate must carry; unset: the host connected to.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>PEM or DER CA certificate(s) the broker's certificate must chain to, instead of the system's trust store.</summary>
    public string? TrustedCaFile { get; set; }

    /// <summary>A PKCS#12 (.pfx/.p12) client certificate with its key, for brokers that ask for one.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientCertificatePassword { get; set; }

    /// <summary><c>Classic</c> (default) or <c>Quorum</c>, case-insensitive: the type of every durable queue (see <see cref="RabbitMqQueueType"/>).</summary>
    public string QueueType { get; set; } = nameof(RabbitMqQueueType.Classic);

    // Only read once the options passed validation.
    public RabbitMqQueueType DurableQueueType => Enum.Parse<RabbitMqQueueType>(QueueType.Trim(), ignoreCase: true);
}
