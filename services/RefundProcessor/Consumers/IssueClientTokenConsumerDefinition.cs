using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// The queue the gateway's <c>POST /client-tokens</c> sends its requests to. No retry: a token asked
/// twice is two tokens, and the caller is waiting with its own timeout.
/// </summary>
public sealed class IssueClientTokenConsumerDefinition : ConsumerDefinition<IssueClientTokenConsumer>
{
    public IssueClientTokenConsumerDefinition() => EndpointName = ProcessorQueues.ClientTokens;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<IssueClientTokenConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(retry => retry.None());
}
