using MassTransit;
using MassTransit.Context;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// The receive context of a message on a transactional endpoint: publishes go to <see cref="PendingMessages"/>
/// (<see cref="OutboxPublishEndpointProvider"/>), and sends fail, since the outbox stores publishes only
/// (<see cref="OutboxRefusingSendEndpointProvider"/>).
/// </summary>
public sealed class OutboxReceiveContext(ReceiveContext context, PendingMessages outbox) : ReceiveContextProxy(context)
{
    public override IPublishEndpointProvider PublishEndpointProvider { get; } =
        new OutboxPublishEndpointProvider(context.PublishEndpointProvider, outbox);

    public override ISendEndpointProvider SendEndpointProvider { get; } =
        new OutboxRefusingSendEndpointProvider(context.SendEndpointProvider);
}
