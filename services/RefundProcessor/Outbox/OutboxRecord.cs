namespace Payguru.RefundProcessor.Outbox;

/// <summary>A stored outbox message (<see cref="OutboxEnvelope"/>); <see cref="Sequence"/> is the order it was written in.</summary>
public sealed record OutboxRecord(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent = null, string? OrderingKey = null);
