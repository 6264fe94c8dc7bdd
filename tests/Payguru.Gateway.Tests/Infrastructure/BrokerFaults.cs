using MassTransit;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>What the in-memory broker does with the next publishes and sends.</summary>
public enum BrokerFault
{
    /// <summary>Takes every message.</summary>
    None,

    /// <summary>Never confirms: the publish waits until it is cancelled, as with RabbitMQ down.</summary>
    Unreachable,

    /// <summary>Returns the message as unroutable, as RabbitMQ does with a mandatory message no queue is bound for.</summary>
    Returned,
}

/// <summary>
/// Fails publishes and sends the way RabbitMQ can, before the in-memory transport takes them
/// (MassTransit lets an observer's exception fail the publish). Messages are never recorded as
/// published while a fault is set.
/// </summary>
public sealed class BrokerFaults : IPublishObserver, ISendObserver
{
    public BrokerFault Fault { get; set; }

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Apply(context.CancellationToken);

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Apply(context.CancellationToken);

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    Task Apply(CancellationToken cancellationToken) => Fault switch
    {
        BrokerFault.Unreachable => Task.Delay(Timeout.Infinite, cancellationToken),
        BrokerFault.Returned => Task.FromException(new MessageReturnedException("the message was returned: no queue is bound")),
        _ => Task.CompletedTask,
    };
}
