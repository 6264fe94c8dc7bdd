using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.RefundProcessor.Identity;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Answers the gateway's question for Payguru's <c>verify</c> call. Read-only: no inbox, no transaction.</summary>
public sealed class GetIdentityAnswerConsumer(IdentityStore identities, ILogger<GetIdentityAnswerConsumer> logger) : IConsumer<GetIdentityAnswer>
{
    public async Task Consume(ConsumeContext<GetIdentityAnswer> context)
    {
        var (order, serviceCode) = context.Message;
        if (await identities.FindHashAsync(order, serviceCode, context.CancellationToken) is { } hash)
        {
            await context.RespondAsync(new IdentityAnswer(order, serviceCode, hash));
            logger.LogInformation("Identity of order {Order} asked for ({ServiceCode}): answered", order, serviceCode);
        }
        else
        {
            await context.RespondAsync(new IdentityAnswerNotFound(order, serviceCode));
            logger.LogInformation("Identity of order {Order} asked for ({ServiceCode}): none registered", order, serviceCode);
        }
    }
}
