using MassTransit;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>The messages a consumer publishes, written to the outbox in its handling's transaction and sent after commit.</summary>
public sealed class PendingMessages
{
    readonly List<OutboxEnvelope> _pending = [];

    /// <summary>A deterministic <paramref name="messageId"/> is kept.</summary>
    public void Publish<T>(T message, Guid? messageId = null)
        where T : class =>
        _pending.Add(OutboxSerializer.Envelope(message, messageId ?? NewId.NextGuid()));

    public IReadOnlyList<OutboxEnvelope> TakePending()
    {
        var pending = _pending.ToList();
        _pending.Clear();
        return pending;
    }
}
