namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// A stored outbox message as its sender holds it: <see cref="Sequence"/> is the order it is sent
/// in, <see cref="ClaimExpiresAt"/> when another instance may take it over, <see cref="TraceParent"/>
/// the trace it was written in.
/// </summary>
public sealed record OutboxRecord(long Sequence, Guid MessageId, string MessageType, string Body, DateTimeOffset ClaimExpiresAt, string? TraceParent = null);
