namespace Payguru.RefundProcessor.Refunds;

/// <summary>The <c>refunds.state</c> values: accepted → creating → submitted | rejected.</summary>
public static class RefundRecordStates
{
    /// <summary>Decided (valid, not over-refunding); <c>refund/create</c> not called yet.</summary>
    public const string Accepted = "accepted";

    /// <summary>An attempt owns it and may be calling <c>refund/create</c>; its outcome is not recorded yet.</summary>
    public const string Creating = "creating";

    /// <summary>Payguru created it; <c>refund_id</c> is set.</summary>
    public const string Submitted = "submitted";

    /// <summary>Refused before or by Payguru; no refund exists for it.</summary>
    public const string Rejected = "rejected";
}
