namespace Payguru.RefundProcessor.Paywall;

/// <summary>The <c>sub_merchants.state</c> values: accepted → creating → registered | rejected.</summary>
public static class SubMerchantRecordStates
{
    /// <summary>Valid and decided; the member call not made yet.</summary>
    public const string Accepted = "accepted";

    /// <summary>An attempt owns it and may be calling Paywall; its outcome is not recorded yet.</summary>
    public const string Creating = "creating";

    /// <summary>Paywall holds the member.</summary>
    public const string Registered = "registered";

    /// <summary>Refused before or by Paywall; this registration made no member.</summary>
    public const string Rejected = "rejected";
}
