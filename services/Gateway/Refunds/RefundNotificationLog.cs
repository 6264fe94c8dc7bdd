using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// The gateway's log lines about refund notifications, source-generated. Never carries the key,
/// the refund's IBAN or its contact name. Refusals are logged by <see cref="Callbacks.CallbackLog"/>.
/// </summary>
public static partial class RefundNotificationLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Refund notification refund id {RefundId} status {Status} order {Order} ({ServiceCode}): {MessageType} {Outcome}")]
    public static partial void Handled(
        ILogger logger, long refundId, int status, string order, string serviceCode, string messageType, PublishOutcome outcome);
}
