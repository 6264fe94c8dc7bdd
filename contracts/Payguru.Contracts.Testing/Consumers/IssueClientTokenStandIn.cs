using MassTransit;
using Payguru.Contracts.Paywall;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>IssueClientTokenConsumer</c> and Paywall's <c>temptoken</c>: answers <see cref="ClientTokenIssued"/> or <see cref="ClientTokenRefused"/>.</summary>
public sealed class IssueClientTokenStandIn(PayguruStandIn standIn) : IConsumer<IssueClientToken>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<IssueClientToken> context) => standIn.Issue(context.Message) switch
    {
        ClientTokenIssued issued => context.RespondAsync(issued),
        var refused => context.RespondAsync((ClientTokenRefused)refused),
    };
}
