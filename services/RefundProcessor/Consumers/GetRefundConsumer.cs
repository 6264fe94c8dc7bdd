using MassTransit;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Refunds;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Answers where a refund request stands. Read-only, so it runs outside the inbox and its transaction.</summary>
public sealed class GetRefundConsumer(RefundStore refunds) : IConsumer<GetRefund>
{
    public async Task Consume(ConsumeContext<GetRefund> context)
    {
        var requestId = context.Message.RefundRequestId;
        var view = await refunds.ViewAsync(requestId, context.CancellationToken);
        if (view is null)
        {
            await context.RespondAsync(new RefundNotFound(requestId));
            return;
        }

        var (refund, providerStatus) = view.Value;
        var state = refund.State switch
        {
            RefundRecordStates.Rejected => RefundStateNames.Rejected,
            RefundRecordStates.Submitted when providerStatus == RefundStatuses.Paid => RefundStateNames.Paid,
            RefundRecordStates.Submitted => RefundStateNames.Submitted,
            _ => RefundStateNames.Pending,
        };
        await context.RespondAsync(new RefundState(
            refund.RequestId, refund.Order, refund.AmountValue, state, refund.RefundId, providerStatus,
            refund.RejectionReason, refund.RejectionMessage, refund.RequestedAt, refund.UpdatedAt));
    }
}
