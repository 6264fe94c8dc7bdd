namespace Payguru.RefundProcessor.Refunds;

/// <summary>What one <c>refund/create</c> call tells: created, refused, or not known.</summary>
public abstract record RefundCreateOutcome
{
    /// <summary>Payguru answered 000 with its refund id.</summary>
    public sealed record Created(long RefundId) : RefundCreateOutcome;

    /// <summary>Payguru answered an error code: it did nothing.</summary>
    public sealed record Refused(string Code, string Message) : RefundCreateOutcome;

    /// <summary>No usable answer (timeout, 5xx, unreadable body): only a lookup by order may tell whether it exists.</summary>
    public sealed record Unknown(string Why) : RefundCreateOutcome;
}
