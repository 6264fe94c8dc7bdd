using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// The outcome events of a refund request, with ids derived from the request, so that answering a
/// repeated request again carries the same id and subscribers drop the copy.
/// </summary>
public static class RefundEvents
{
    public static (RefundSubmitted Message, Guid MessageId) Submitted(RefundRecord refund, long refundId, DateTimeOffset at) =>
        (new RefundSubmitted(refund.RequestId, refundId, refund.Order, refund.PayguruCode, refund.ServiceCode ?? "", refund.AmountValue, at),
            MessageIds.RefundSubmitted(refund.RequestId));

    public static (RefundRejected Message, Guid MessageId) Rejected(
        Guid requestId, string order, decimal amount, string reason, string message, string? providerCode, DateTimeOffset at) =>
        (new RefundRejected(requestId, order, amount, reason, message, providerCode, at),
            MessageIds.RefundRejected(requestId));

    /// <summary>The outcome of a decided request, again; null while it is still pending.</summary>
    public static (object Message, Guid MessageId)? Of(RefundRecord refund) => refund.State switch
    {
        RefundRecordStates.Submitted when refund.RefundId is { } id => Submitted(refund, id, refund.UpdatedAt),
        RefundRecordStates.Rejected => Rejected(refund.RequestId, refund.Order, refund.AmountValue,
            refund.RejectionReason ?? "", refund.RejectionMessage ?? "", refund.ProviderCode, refund.UpdatedAt),
        _ => null,
    };
}
