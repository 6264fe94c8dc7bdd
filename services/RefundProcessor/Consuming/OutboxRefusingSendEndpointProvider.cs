using MassTransit;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// Refuses a consumer's send to a queue inside the transactional inbox/outbox: the outbox stores publishes only,
/// and a send made there would leave before the commit, or even when the handling is rolled back.
/// </summary>
public sealed class OutboxRefusingSendEndpointProvider(ISendEndpointProvider provider) : ISendEndpointProvider
{
    public ConnectHandle ConnectSendObserver(ISendObserver observer) => provider.ConnectSendObserver(observer);

    public Task<ISendEndpoint> GetSendEndpoint(Uri address) =>
        throw new InvalidOperationException(
            $"A consumer inside the transactional inbox/outbox sent to {address}; only publishes are stored with its transaction: publish the message instead.");
}
