using MassTransit;
using MassTransit.Context;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// The context a consumer on a transactional endpoint gets, as MassTransit's own outbox builds it: its receive
/// context hands out publish endpoints that put the message in <see cref="PendingMessages"/>, so a
/// <c>context.Publish</c> is stored in the handling's transaction and sent after the commit like every other
/// message of it. Every consume context the pipeline makes from this one (the consumer's own) takes its publish
/// endpoints from that receive context too. A send to a queue fails (see <see cref="OutboxReceiveContext"/>).
/// </summary>
public sealed class OutboxConsumeContext<T> : ConsumeContextProxy<T>
    where T : class
{
    readonly ConsumeContext<T> _captured;

    public OutboxConsumeContext(ConsumeContext<T> context, PendingMessages outbox)
        : base(context)
    {
        _captured = context;
        var receiveContext = new OutboxReceiveContext(context.ReceiveContext, outbox);
        ReceiveContext = receiveContext;
        PublishEndpointProvider = receiveContext.PublishEndpointProvider;
    }

    /// <summary>
    /// MassTransit publishes a fault through the context it is given, the consumer's, which would put it in the
    /// outbox of the handling that is being rolled back. It is given the context from before the outbox instead.
    /// </summary>
    public override Task NotifyFaulted<TMessage>(ConsumeContext<TMessage> context, TimeSpan duration, string consumerType, Exception exception) =>
        _captured is ConsumeContext<TMessage> captured
            ? captured.NotifyFaulted(captured, duration, consumerType, exception)
            : base.NotifyFaulted(context, duration, consumerType, exception);
}
