namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>Test-only command: record payment <paramref name="Txid"/>, failing the first attempt after the write.</summary>
public sealed record RecordPaymentFailingOnce(long Txid);
