using System.Collections.Concurrent;
using MassTransit;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// Every publish on the bus, in order, each copy counted. The harness's own list keeps one entry per
/// message id, so it cannot show that an outcome was answered twice under the same id.
/// </summary>
public sealed class PublishRecorder : IPublishObserver
{
    readonly ConcurrentQueue<Published> _published = new();

    public IReadOnlyList<Published<T>> Of<T>()
        where T : class =>
        _published.Where(p => p.Message is T).Select(p => new Published<T>(p.MessageId, (T)p.Message)).ToList();

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        _published.Enqueue(new Published(context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    sealed record Published(Guid? MessageId, object Message);
}

/// <summary>One publish of <typeparamref name="T"/>: its message id and the message.</summary>
public sealed record Published<T>(Guid? MessageId, T Message);
