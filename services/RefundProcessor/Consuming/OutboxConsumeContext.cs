using MassTransit;
using MassTransit.Context;
using MassTransit.Transports;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// The context a consumer on a transactional endpoint gets, as MassTransit's own outbox builds it: its receive
/// context hands out publish endpoints that put the message in <see cref="PendingMessages"/>, so a
/// <c>context.Publish</c> is stored in the handling's transaction and sent after the commit like every other
/// message of it. Every consume context the pipeline makes from this one (the consumer's own) takes its publish
/// endpoints from that receive context too. A send to a queue fails: the outbox stores publishes only, and a
/// send made there would leave before the commit, or even when the handling is rolled back.
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

    sealed class OutboxReceiveContext(ReceiveContext context, PendingMessages outbox) : ReceiveContextProxy(context)
    {
        public override IPublishEndpointProvider PublishEndpointProvider { get; } = new PublishToOutbox(context.PublishEndpointProvider, outbox);

        public override ISendEndpointProvider SendEndpointProvider { get; } = new RefuseSends(context.SendEndpointProvider);
    }

    sealed class PublishToOutbox(IPublishEndpointProvider provider, PendingMessages outbox) : IPublishEndpointProvider
    {
        public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => provider.ConnectPublishObserver(observer);

        public async Task<ISendEndpoint> GetPublishSendEndpoint<TMessage>()
            where TMessage : class
        {
            var endpoint = await provider.GetPublishSendEndpoint<TMessage>();
            return new OutboxPublishSendEndpoint(
                endpoint as ITransportSendEndpoint
                    ?? throw new InvalidOperationException($"The publish endpoint of {typeof(TMessage).Name} cannot build a message without sending it ({endpoint.GetType().Name})."),
                outbox);
        }
    }

    sealed class RefuseSends(ISendEndpointProvider provider) : ISendEndpointProvider
    {
        public ConnectHandle ConnectSendObserver(ISendObserver observer) => provider.ConnectSendObserver(observer);

        public Task<ISendEndpoint> GetSendEndpoint(Uri address) =>
            throw new InvalidOperationException(
                $"A consumer inside the transactional inbox/outbox sent to {address}; only publishes are stored with its transaction: publish the message instead.");
    }
}
