using MassTransit;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>Publishes outbox messages on the bus (with publisher confirms) under their stored id.</summary>
public sealed class BusOutboxTransport(IBus bus) : IOutboxTransport
{
    public Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken) =>
        bus.Publish(message, messageType, context => context.MessageId = messageId, cancellationToken);
}
