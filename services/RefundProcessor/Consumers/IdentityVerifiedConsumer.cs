using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Payguru's identity check of the order is done (it matched): what was kept of the identity is erased.</summary>
public sealed class IdentityVerifiedConsumer(UnitOfWork unitOfWork, IdentityStore identities, ILogger<IdentityVerifiedConsumer> logger)
    : IConsumer<IdentityVerified>
{
    public async Task Consume(ConsumeContext<IdentityVerified> context)
    {
        var message = context.Message;
        var erased = await identities.EraseAsync(unitOfWork.Transaction, message.Order);
        logger.LogInformation("Identity of order {Order} verified by Payguru (txid {Txid}): {Erased} stored hash(es) erased", message.Order, message.Txid, erased);
    }
}
