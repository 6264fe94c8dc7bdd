namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>Test-only command: publish a status report with <paramref name="ReportMessageId"/> through the transactional outbox.</summary>
public sealed record PublishThroughOutbox(Guid ReportMessageId, long Txid, bool FailAfterPublishing);
