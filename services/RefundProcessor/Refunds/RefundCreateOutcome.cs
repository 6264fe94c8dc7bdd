namespace Payguru.RefundProcessor.Refunds;

/// <summary>What one <c>refund/create</c> call tells: created, refused, or not known.</summary>
public abstract record RefundCreateOutcome
{
    /// <summary>Payguru answered 000 with its refund id.</summary>
    public sealed record Created(long RefundId) : RefundCreateOutcome;

    /// <summary>Payguru answered an error code: it did nothing.</summary>
    public sealed record Refused(string Code, string Message) : RefundCreateOutcome;

    /// <summary>
    /// No usable answer (timeout, lost connection, 5xx, unreadable body): the refund may or may not
    /// exist. Only a lookup by order may tell; nothing is created again before it.
    /// </summary>
    public sealed record Unknown(string Why) : RefundCreateOutcome;
}
