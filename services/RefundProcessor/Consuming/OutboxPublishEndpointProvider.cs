using MassTransit;
using MassTransit.Transports;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>Hands out, for each message type, the bus's publish endpoint wrapped so that what is published lands in <see cref="PendingMessages"/>.</summary>
public sealed class OutboxPublishEndpointProvider(IPublishEndpointProvider provider, PendingMessages outbox) : IPublishEndpointProvider
{
    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => provider.ConnectPublishObserver(observer);

    public async Task<ISendEndpoint> GetPublishSendEndpoint<T>()
        where T : class
    {
        var endpoint = await provider.GetPublishSendEndpoint<T>();
        return new OutboxPublishSendEndpoint(
            endpoint as ITransportSendEndpoint
                ?? throw new InvalidOperationException($"The publish endpoint of {typeof(T).Name} cannot build a message without sending it ({endpoint.GetType().Name})."),
            outbox);
    }
}
