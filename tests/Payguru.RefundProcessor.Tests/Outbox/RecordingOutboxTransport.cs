using System.Diagnostics;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// Stands in for the bus: records every publish in the order they completed. <see cref="BeforePublish"/>
/// runs first on each attempt and may throw (a broker failure) or wait (an unconfirmed publish).
/// </summary>
public sealed class RecordingOutboxTransport : IOutboxTransport
{
    readonly Lock _lock = new();
    readonly List<PublishedMessage> _published = [];
    int _attempts;

    /// <summary>Called with each attempt's message id and its 1-based attempt number, before it counts as published.</summary>
    public Func<Guid, int, CancellationToken, Task>? BeforePublish { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<PublishedMessage> Published
    {
        get
        {
            lock (_lock)
            {
                return _published.ToList();
            }
        }
    }

    public async Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (BeforePublish is { } before)
        {
            await before(messageId, attempt, cancellationToken);
        }

        lock (_lock)
        {
            _published.Add(new PublishedMessage(message, messageType, messageId, Activity.Current));
        }
    }
}

/// <summary>A completed publish; <see cref="Activity"/> is the span it ran under, as the bus would see it.</summary>
public sealed record PublishedMessage(object Message, Type MessageType, Guid MessageId, Activity? Activity);
