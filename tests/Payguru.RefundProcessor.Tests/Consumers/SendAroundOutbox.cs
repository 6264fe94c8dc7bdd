namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>Test-only command: send a status report straight to a queue, around the outbox.</summary>
public sealed record SendAroundOutbox(long Txid);
