namespace Payguru.RefundProcessor.Outbox;

/// <summary>A message on its way into the outbox: its id, its type's name and its JSON body.</summary>
public sealed record OutboxEnvelope(Guid MessageId, string MessageType, string Body);
