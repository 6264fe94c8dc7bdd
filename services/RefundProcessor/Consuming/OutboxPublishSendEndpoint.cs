using MassTransit;
using MassTransit.Transports;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// A publish endpoint that sends nothing: it lets the bus build the message's send context (so the publish pipe,
/// the consume context's headers and any message id it sets are applied) and puts the message with that id in
/// <see cref="PendingMessages"/>. Headers other than the id are not kept; the outbox relays the message with
/// its id and trace context. Every publish overload arrives typed, through one of the first three methods.
/// </summary>
public sealed class OutboxPublishSendEndpoint(ITransportSendEndpoint endpoint, PendingMessages outbox) : ITransportSendEndpoint
{
    public Task<SendContext<T>> CreateSendContext<T>(T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class =>
        endpoint.CreateSendContext(message, pipe, cancellationToken);

    public Task Send<T>(T message, CancellationToken cancellationToken)
        where T : class =>
        CaptureAsync(message, Pipe.Empty<SendContext<T>>(), cancellationToken);

    public Task Send<T>(T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class =>
        CaptureAsync(message, pipe, cancellationToken);

    public Task Send<T>(T message, IPipe<SendContext> pipe, CancellationToken cancellationToken)
        where T : class =>
        CaptureAsync<T>(message, pipe, cancellationToken);

    // MassTransit's publish endpoint and consume send endpoint turn untyped and initializer publishes into the
    // typed calls above; reaching one of these would mean a message that bypassed them.
    public Task Send(object message, CancellationToken cancellationToken) => throw Untyped();

    public Task Send(object message, Type messageType, CancellationToken cancellationToken) => throw Untyped();

    public Task Send(object message, IPipe<SendContext> pipe, CancellationToken cancellationToken) => throw Untyped();

    public Task Send(object message, Type messageType, IPipe<SendContext> pipe, CancellationToken cancellationToken) => throw Untyped();

    public Task Send<T>(object values, CancellationToken cancellationToken)
        where T : class => throw Untyped();

    public Task Send<T>(object values, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class => throw Untyped();

    public Task Send<T>(object values, IPipe<SendContext> pipe, CancellationToken cancellationToken)
        where T : class => throw Untyped();

    public ConnectHandle ConnectSendObserver(ISendObserver observer) => endpoint.ConnectSendObserver(observer);

    async Task CaptureAsync<T>(T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        var context = await endpoint.CreateSendContext(message, pipe, cancellationToken);
        outbox.Publish(context.Message, context.MessageId);
    }

    static InvalidOperationException Untyped() =>
        new("A message published inside the transactional inbox/outbox reached the outbox untyped; publish it as its contract type.");
}
