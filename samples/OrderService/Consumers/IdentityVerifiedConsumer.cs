using MassTransit;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Identity;

namespace OrderService.Consumers;

/// <summary>
/// Payguru checked the customer's identity for an order and it matched. The message id is derived from txid and
/// order, so a repeated report carries the same id.
/// </summary>
public sealed class IdentityVerifiedConsumer(ILogger<IdentityVerifiedConsumer> logger) : IConsumer<IdentityVerified>
{
    public Task Consume(ConsumeContext<IdentityVerified> context)
    {
        var verified = context.Message;
        logger.LogInformation(
            "IdentityVerified: order {Order}, txid {Txid}, {Amount} via {ServiceCode}, bank {Bank} (message {MessageId})",
            verified.Order, verified.Txid, verified.Amount, verified.ServiceCode, verified.Bank ?? "-", context.MessageId);
        return Task.CompletedTask;
    }
}
