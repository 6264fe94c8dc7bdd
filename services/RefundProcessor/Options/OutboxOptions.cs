namespace Payguru.RefundProcessor.Options;

/// <summary>The transactional outbox's timing, bound from the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the relay looks for messages left unsent (after a crash or a broker outage).</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim on an outbox message (or the relay lease) holds before another instance may take it over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one publish may wait for the broker; must be well under <see cref="ClaimTimeout"/>.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many messages the relay claims at a time.</summary>
    public int BatchSize { get; set; } = 100;
}
