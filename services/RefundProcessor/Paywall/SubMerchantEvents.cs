using Payguru.Contracts.Ids;
using Payguru.Contracts.Paywall;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// The outcome events of a sub-merchant registration, with ids derived from the external id (and the
/// registration, for a rejection), so that answering the same registration again carries the same id.
/// </summary>
public static class SubMerchantEvents
{
    public static (SubMerchantRegistered Message, Guid MessageId) Registered(string memberExternalId, long? paywallMemberId, string memberName, DateTimeOffset at) =>
        (new SubMerchantRegistered(memberExternalId, paywallMemberId, memberName, at), MessageIds.SubMerchantRegistered(memberExternalId));

    public static (SubMerchantRejected Message, Guid MessageId) Rejected(
        string memberExternalId, int registration, string reason, string message, int? paywallErrorCode, DateTimeOffset at) =>
        (new SubMerchantRejected(memberExternalId, reason, message, paywallErrorCode, at),
            MessageIds.SubMerchantRejected(memberExternalId, registration));

    /// <summary>The outcome of a decided registration, again; null while it is under way.</summary>
    public static (object Message, Guid MessageId)? Of(SubMerchantRecord record) => record.State switch
    {
        SubMerchantRecordStates.Registered => Registered(record.MemberExternalId, record.PaywallMemberId, record.MemberName, record.UpdatedAt),
        SubMerchantRecordStates.Rejected => Rejected(record.MemberExternalId, record.Registration, record.RejectionReason ?? "",
            record.RejectionMessage ?? "", record.PaywallErrorCode, record.UpdatedAt),
        _ => null,
    };
}
