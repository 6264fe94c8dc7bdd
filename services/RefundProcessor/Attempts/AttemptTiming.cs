namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// How long an attempt's provider call may take, and how long the attempt owns its request. The whole call
/// (a resend included) is cut off after <see cref="CallDeadline"/>, so no call of an attempt leaves once the
/// attempt may be taken over; a crashed instance's attempt is resumed once its call has surely ended and the
/// recheck wait passed.
/// </summary>
public readonly record struct AttemptTiming(TimeSpan RequestTimeout, TimeSpan RecheckAfter)
{
    public TimeSpan CallDeadline => RequestTimeout * 2;

    public TimeSpan Lifetime => CallDeadline + RecheckAfter;
}
