namespace Payguru.Messaging.Ids;

/// <summary>
/// Deterministic message ids for facts Payguru can report more than once, so that every
/// copy carries the same id and subscribers drop the repeats.
/// </summary>
public static class MessageIds
{
    // Fixed namespace of Payguru.Bus's name-based ids. Changing it changes every id: never do.
    static readonly Guid Namespace = new("6f1c1d7e-4b8a-4c33-9a51-2b7f0e6d9a10");

    /// <summary>The id of the payment notification of <paramref name="txid"/> with <paramref name="status"/>.</summary>
    public static Guid Payment(long txid, int status) => NameBasedGuid.Create(Namespace, $"payment:{txid}:{status}");

    /// <summary>
    /// The id of <c>RefundSettled</c> for refund <paramref name="refundId"/> at <paramref name="status"/>,
    /// the same whether the gateway (refund notification) or the processor (reconciliation) reports it.
    /// </summary>
    public static Guid RefundSettled(long refundId, int status) => NameBasedGuid.Create(Namespace, $"refund-settled:{refundId}:{status}");

    /// <summary>
    /// The id of a refund request's outcome (<c>RefundSubmitted</c> or <c>RefundRejected</c>), so that
    /// answering a repeated request again gives the same message.
    /// </summary>
    public static Guid RefundOutcome(Guid refundRequestId, string outcome) => NameBasedGuid.Create(Namespace, $"refund-outcome:{refundRequestId:N}:{outcome}");

    /// <summary>
    /// The id of a sub-merchant registration's outcome: <c>SubMerchantRegistered</c> once per external id;
    /// <c>SubMerchantRejected</c> per <paramref name="registration"/> (the same id may be registered again after a rejection).
    /// </summary>
    public static Guid SubMerchantOutcome(string memberExternalId, string outcome, int registration = 1) =>
        NameBasedGuid.Create(Namespace, $"sub-merchant-outcome:{memberExternalId}:{outcome}:{registration}");

    /// <summary>
    /// The id of Payguru's identity-check report (<c>IdentityVerified</c> or <c>IdentityVerificationFailed</c>,
    /// <paramref name="outcome"/> <c>verified</c> or <c>unverified</c>) of transaction <paramref name="txid"/> and
    /// <paramref name="order"/>, so that a repeated report carries the same id.
    /// </summary>
    public static Guid IdentityVerification(long txid, string order, string outcome) =>
        NameBasedGuid.Create(Namespace, $"identity-verification:{txid}:{order}:{outcome}");
}
