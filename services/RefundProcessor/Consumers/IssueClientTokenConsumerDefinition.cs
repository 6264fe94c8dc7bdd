using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// The queue the gateway's <c>POST /client-tokens</c> sends its requests to, apart from the refund queries so that
/// a slow Paywall holds none of them up. Paywall's failures are answers (<c>ClientTokenRefused</c>), not exceptions,
/// so the pipeline's retry never asks Paywall for a second token.
/// </summary>
public sealed class IssueClientTokenConsumerDefinition : ConsumerDefinition<IssueClientTokenConsumer>
{
    public IssueClientTokenConsumerDefinition() => EndpointName = ProcessorQueues.ClientTokens;
}
