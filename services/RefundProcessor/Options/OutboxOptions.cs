namespace Payguru.RefundProcessor.Options;

/// <summary>The transactional outbox's timing, bound from the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a writer has to send its messages before the relay sends what it left unsent; also how long the relay lease holds.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one publish may wait for the broker; must be well under <see cref="ClaimTimeout"/>.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent marks gather before one statement writes them (<see cref="Outbox.OutboxSentMarks"/>).</summary>
    public TimeSpan MarkSentInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public int BatchSize { get; set; } = 100;
}
