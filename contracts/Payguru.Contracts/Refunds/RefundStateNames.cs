namespace Payguru.Contracts.Refunds;

/// <summary>The values of <see cref="RefundState.State"/>.</summary>
public static class RefundStateNames
{
    /// <summary>Accepted by the processor; the create at Payguru is not confirmed yet.</summary>
    public const string Pending = "pending";

    /// <summary>Payguru created the refund (<see cref="RefundSubmitted"/>).</summary>
    public const string Submitted = "submitted";

    /// <summary>Refused (<see cref="RefundRejected"/>); no refund exists for it.</summary>
    public const string Rejected = "rejected";

    /// <summary>Payguru reports it paid back (<see cref="RefundSettled"/> with status 3).</summary>
    public const string Paid = "paid";
}
