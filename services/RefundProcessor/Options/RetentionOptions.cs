namespace Payguru.RefundProcessor.Options;

/// <summary>How long handled-message records are kept, bound from the <c>Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// How long the inbox remembers a handled message id. A copy redelivered later than this
    /// would be handled again, so keep it well past any redelivery or provider retry.
    /// </summary>
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a sent outbox message is kept (for looking into what was sent). Unsent ones are never deleted.</summary>
    public TimeSpan SentOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long an order's identity hashes (md5(TCKN + service key)) wait for Payguru's identity check. Payguru
    /// checks around the payment and the check erases them; this deletes the ones it never asked about.
    /// </summary>
    public TimeSpan Identities { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the cleaner runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
