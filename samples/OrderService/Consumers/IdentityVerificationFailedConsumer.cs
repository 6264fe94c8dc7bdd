using MassTransit;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Identity;

namespace OrderService.Consumers;

/// <summary>Payguru checked the customer's identity for an order and it did not match.</summary>
public sealed class IdentityVerificationFailedConsumer(ILogger<IdentityVerificationFailedConsumer> logger) : IConsumer<IdentityVerificationFailed>
{
    public Task Consume(ConsumeContext<IdentityVerificationFailed> context)
    {
        var failed = context.Message;
        logger.LogWarning(
            "IdentityVerificationFailed: order {Order}, txid {Txid}, {Amount} via {ServiceCode} (message {MessageId})",
            failed.Order, failed.Txid, failed.Amount, failed.ServiceCode, context.MessageId);
        return Task.CompletedTask;
    }
}
