using MassTransit;
using Payguru.Contracts.Refunds;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>RefundSettledConsumer</c>: Payguru's reported status shows in <see cref="RefundState"/>.</summary>
public sealed class RefundSettledStandIn(PayguruStandIn standIn) : IConsumer<RefundSettled>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RefundSettled> context)
    {
        standIn.Record(context.Message);
        return Task.CompletedTask;
    }
}
