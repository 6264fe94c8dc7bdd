using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Payguru's identity check of the order is done (it did not match): what was kept of the identity is erased.</summary>
public sealed class IdentityVerificationFailedConsumer(
    UnitOfWork unitOfWork, IdentityStore identities, ILogger<IdentityVerificationFailedConsumer> logger) : IConsumer<IdentityVerificationFailed>
{
    public async Task Consume(ConsumeContext<IdentityVerificationFailed> context)
    {
        var message = context.Message;
        var erased = await identities.EraseAsync(unitOfWork.Transaction, message.Order);
        logger.LogInformation("Identity of order {Order} not verified by Payguru (txid {Txid}): {Erased} stored hash(es) erased", message.Order, message.Txid, erased);
    }
}
