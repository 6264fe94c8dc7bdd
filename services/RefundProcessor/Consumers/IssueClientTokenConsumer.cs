using MassTransit;
using Payguru.Contracts.Paywall;
using Payguru.RefundProcessor.Paywall;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// Answers a client token request; no inbox, no transaction. Paywall's failures are answers (<c>ClientTokenRefused</c>),
/// not exceptions, so the pipeline's retry never asks Paywall for a second token.
/// </summary>
public sealed class IssueClientTokenConsumer(ClientTokenIssuer issuer) : IConsumer<IssueClientToken>
{
    // The issuer's answer is a ClientTokenIssued or a ClientTokenRefused; it is sent as its own type.
    public async Task Consume(ConsumeContext<IssueClientToken> context) =>
        await context.RespondAsync(await issuer.IssueAsync(context.Message, context.CancellationToken));
}
