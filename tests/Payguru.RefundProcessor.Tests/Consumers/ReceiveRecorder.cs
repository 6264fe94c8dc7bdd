using System.Collections.Concurrent;
using MassTransit;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// Watches whole receives (after the transactional filter has committed or rolled back): which
/// message ids finished, whether a consumer took each one (or it would go to the _skipped queue),
/// and whether it faulted.
/// </summary>
public sealed class ReceiveRecorder : IReceiveObserver
{
    readonly ConcurrentQueue<FinishedReceive> _finished = new();

    public IReadOnlyList<FinishedReceive> Finished => _finished.ToList();

    public IReadOnlyList<FinishedReceive> Of(Guid messageId) => _finished.Where(r => r.MessageId == messageId).ToList();

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        _finished.Enqueue(new FinishedReceive(context.GetMessageId(), context.IsDelivered, context.IsFaulted, null));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        _finished.Enqueue(new FinishedReceive(context.GetMessageId(), context.IsDelivered, true, exception));
        return Task.CompletedTask;
    }
}

/// <param name="Delivered">A consumer (or the inbox, for a duplicate) took the message; false means it went to _skipped.</param>
public sealed record FinishedReceive(Guid? MessageId, bool Delivered, bool Faulted, Exception? Exception);
