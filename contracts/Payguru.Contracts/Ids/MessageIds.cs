namespace Payguru.Contracts.Ids;

/// <summary>
/// Deterministic message ids for facts Payguru can report more than once, so that every
/// copy carries the same id and subscribers drop the repeats. The gateway, the processor and the
/// test kit (Payguru.Contracts.Testing) derive them here, and a subscriber may too.
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

    /// <summary>The id of <c>RefundSubmitted</c> for the request <paramref name="refundRequestId"/>.</summary>
    public static Guid RefundSubmitted(Guid refundRequestId) => RefundOutcome(refundRequestId, "submitted");

    /// <summary>The id of <c>RefundRejected</c> for the request <paramref name="refundRequestId"/>.</summary>
    public static Guid RefundRejected(Guid refundRequestId) => RefundOutcome(refundRequestId, "rejected");

    /// <summary>
    /// The id of a sub-merchant registration's outcome: <c>SubMerchantRegistered</c> once per external id;
    /// <c>SubMerchantRejected</c> per <paramref name="registration"/> (the same id may be registered again after a rejection).
    /// </summary>
    public static Guid SubMerchantOutcome(string memberExternalId, string outcome, int registration = 1) =>
        NameBasedGuid.Create(Namespace, $"sub-merchant-outcome:{memberExternalId}:{outcome}:{registration}");

    /// <summary>The id of <c>SubMerchantRegistered</c> for <paramref name="memberExternalId"/>.</summary>
    public static Guid SubMerchantRegistered(string memberExternalId) => SubMerchantOutcome(memberExternalId, "registered");

    /// <summary>The id of <c>SubMerchantRejected</c> for the <paramref name="registration"/>-th registration of <paramref name="memberExternalId"/>.</summary>
    public static Guid SubMerchantRejected(string memberExternalId, int registration) => SubMerchantOutcome(memberExternalId, "rejected", registration);

    /// <summary>
    /// The id of Payguru's identity-check report (<c>IdentityVerified</c> or <c>IdentityVerificationFailed</c>,
    /// <paramref name="outcome"/> <c>verified</c> or <c>unverified</c>) of transaction <paramref name="txid"/> and
    /// <paramref name="order"/>, so that a repeated report carries the same id.
    /// </summary>
    public static Guid IdentityVerification(long txid, string order, string outcome) =>
        NameBasedGuid.Create(Namespace, $"identity-verification:{txid}:{order}:{outcome}");

    /// <summary>The id of <c>IdentityVerified</c> for transaction <paramref name="txid"/> of <paramref name="order"/>.</summary>
    public static Guid IdentityVerified(long txid, string order) => IdentityVerification(txid, order, "verified");

    /// <summary>The id of <c>IdentityVerificationFailed</c> for transaction <paramref name="txid"/> of <paramref name="order"/>.</summary>
    public static Guid IdentityVerificationFailed(long txid, string order) => IdentityVerification(txid, order, "unverified");
}
