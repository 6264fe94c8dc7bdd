using MassTransit;
using Payguru.Contracts.Paywall;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>RegisterSubMerchantConsumer</c> and Paywall's member call: publishes <see cref="SubMerchantRegistered"/> or <see cref="SubMerchantRejected"/>.</summary>
public sealed class RegisterSubMerchantStandIn(PayguruStandIn standIn) : IConsumer<RegisterSubMerchant>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RegisterSubMerchant> context)
    {
        var (message, messageId) = standIn.Register(context.Message);
        return messageId is { } id
            ? context.Publish(message, message.GetType(), c => c.MessageId = id, context.CancellationToken)
            : context.Publish(message, message.GetType(), context.CancellationToken);
    }
}
