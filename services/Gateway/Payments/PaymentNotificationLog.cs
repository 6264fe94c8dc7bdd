using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Payments;

/// <summary>
/// The gateway's log lines about payment notifications, source-generated: one line per
/// notification is on the hot path. Never carries a key.
/// </summary>
public static partial class PaymentNotificationLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Payment notification txid {Txid} status {Status} order {Order} ({ServiceCode}): {MessageType} {Outcome}")]
    public static partial void Handled(
        ILogger logger, long txid, int status, string order, string serviceCode, string messageType, PublishOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a payment notification: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
