using System.Collections.Concurrent;
using MassTransit;

namespace Payguru.Testing;

/// <summary>
/// Every publish on a bus, in order, repeats included. The test harness's <c>Published</c> list keeps one entry
/// per message id, so it cannot tell one publish from two publishes of the same id.
/// </summary>
public sealed class PublishRecorder : IPublishObserver
{
    readonly ConcurrentQueue<Published<object>> _published = new();

    /// <summary>How many publishes of any type were recorded.</summary>
    public int Count => _published.Count;

    /// <summary>Every published <typeparamref name="T"/> with its message id, in publish order.</summary>
    public IReadOnlyList<Published<T>> Of<T>()
        where T : class =>
        _published.Where(p => p.Message is T).Select(p => new Published<T>((T)p.Message, p.MessageId)).ToList();

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        _published.Enqueue(new Published<object>(context.Message, context.MessageId));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
