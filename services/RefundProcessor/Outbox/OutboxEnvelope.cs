namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// A message on its way into the outbox, with the W3C trace context it was written in (<see cref="OutboxTraceContext"/>)
/// and the key whose messages leave in order (<see cref="OutboxOrderingKeys"/>), if any.
/// </summary>
public sealed record OutboxEnvelope(Guid MessageId, string MessageType, string Body, string? TraceParent = null, string? OrderingKey = null);
