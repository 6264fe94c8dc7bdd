namespace Payguru.RefundProcessor.Outbox;

/// <summary>Where outbox messages go: the bus, keeping each message's original id.</summary>
public interface IOutboxTransport
{
    Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken);
}
