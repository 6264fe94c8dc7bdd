namespace Payguru.RefundProcessor.Outbox;

/// <summary>A stored outbox message; <see cref="Sequence"/> is the order it is sent in.</summary>
public sealed record OutboxRecord(long Sequence, Guid MessageId, string MessageType, string Body);
