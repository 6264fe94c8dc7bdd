namespace Payguru.RefundProcessor.Options;

/// <summary>How long handled-message records are kept, bound from the <c>Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>How long the inbox remembers a handled message id: a copy redelivered later would be handled again.</summary>
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a sent outbox message is kept (for looking into what was sent). Unsent ones are never deleted.</summary>
    public TimeSpan SentOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an order's identity hashes wait for Payguru's identity check, which erases them.</summary>
    public TimeSpan Identities { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
