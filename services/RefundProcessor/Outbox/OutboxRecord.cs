namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// A stored outbox message: <see cref="Sequence"/> is the order it was written in, <see cref="TraceParent"/>
/// the trace it was written in, <see cref="OrderingKey"/> the key whose messages leave in sequence order.
/// </summary>
public sealed record OutboxRecord(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent = null, string? OrderingKey = null);
