using System.Collections.Concurrent;
using MassTransit;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// Records every publish, repeats included. The test harness's <c>Published</c> list keeps one
/// entry per message id, so it cannot tell one publish from two publishes of the same id.
/// </summary>
public sealed class PublishRecorder : IPublishObserver
{
    readonly ConcurrentQueue<(object Message, Guid? MessageId)> _published = new();

    /// <summary>Every published <typeparamref name="T"/> with its message id, in publish order.</summary>
    public IReadOnlyList<(T Message, Guid? MessageId)> Of<T>()
        where T : class =>
        _published.Where(p => p.Message is T).Select(p => ((T)p.Message, p.MessageId)).ToList();

    public int Count => _published.Count;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        _published.Enqueue((context.Message, context.MessageId));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
