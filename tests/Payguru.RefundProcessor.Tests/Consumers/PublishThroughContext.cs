namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>Test-only command: publish a status report with <paramref name="ReportMessageId"/> through <c>context.Publish</c>.</summary>
public sealed record PublishThroughContext(Guid ReportMessageId, long Txid, bool FailAfterPublishing);
