using MassTransit;
using Payguru.Contracts.Refunds;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>GetRefundConsumer</c>: answers <see cref="RefundState"/> or <see cref="RefundNotFound"/>.</summary>
public sealed class GetRefundStandIn(PayguruStandIn standIn) : IConsumer<GetRefund>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<GetRefund> context) =>
        standIn.StateOf(context.Message.RefundRequestId) is { } state
            ? context.RespondAsync(state)
            : context.RespondAsync(new RefundNotFound(context.Message.RefundRequestId));
}
