using MassTransit;

namespace Payguru.Contracts.Testing.Events;

/// <summary>An event as the gateway publishes it: the message and the deterministic id it gives that fact.</summary>
/// <param name="Message">The event.</param>
/// <param name="MessageId">The id every copy of the fact carries (<see cref="Ids.MessageIds"/>), so a subscriber can drop repeats.</param>
public sealed record GatewayEvent<T>(T Message, Guid MessageId)
    where T : class
{
    /// <summary>Publishes the event with its message id, as the gateway does; publish it twice to test a repeated callback.</summary>
    public Task PublishAsync(IPublishEndpoint endpoint, CancellationToken cancellationToken = default) =>
        endpoint.Publish(Message, context => context.MessageId = MessageId, cancellationToken);
}
