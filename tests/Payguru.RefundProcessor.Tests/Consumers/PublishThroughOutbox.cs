namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// Test-only command: publish a status report with <paramref name="ReportMessageId"/> through the transactional outbox,
/// with <c>PendingMessages.Publish</c> or, when <paramref name="ThroughContext"/>, with <c>context.Publish</c>.
/// </summary>
public sealed record PublishThroughOutbox(Guid ReportMessageId, long Txid, bool FailAfterPublishing, bool ThroughContext = false);
