using MassTransit;

namespace Payguru.Messaging.Publishing;

/// <summary>Both observers: MassTransit reports a publish to publish observers only, a send to send observers only.</summary>
public sealed class NackedPublishObserver(BrokerConnectionRecycler recycler) : IPublishObserver, ISendObserver
{
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Confirmed();

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Faulted(exception);

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Confirmed();

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Faulted(exception);

    /// <summary>A nack, as opposed to a return (unroutable), a timeout or a lost connection.</summary>
    public static bool IsNack(Exception exception) =>
        exception is RabbitMQ.Client.Exceptions.PublishException { IsReturn: false } || (exception.InnerException is { } inner && IsNack(inner));

    Task Confirmed()
    {
        recycler.PublishConfirmed();
        return Task.CompletedTask;
    }

    Task Faulted(Exception exception)
    {
        if (IsNack(exception))
        {
            recycler.PublishNacked();
        }

        return Task.CompletedTask;
    }
}
