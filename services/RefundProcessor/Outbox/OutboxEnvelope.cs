namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// A message on its way into the outbox: its id, its type's name, its JSON body and the W3C trace
/// context it was written in (<see cref="OutboxTraceContext"/>), if any.
/// </summary>
public sealed record OutboxEnvelope(Guid MessageId, string MessageType, string Body, string? TraceParent = null);
