using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>The queue the gateway's <c>/TCKNVerifyService</c> sends its <c>verify</c> requests to.</summary>
public sealed class GetIdentityAnswerConsumerDefinition : ConsumerDefinition<GetIdentityAnswerConsumer>
{
    public GetIdentityAnswerConsumerDefinition() => EndpointName = ProcessorQueues.IdentityQueries;
}
