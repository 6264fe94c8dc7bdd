using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Payments;

/// <summary>
/// The gateway's log lines about payment notifications, source-generated: one line per
/// notification is on the hot path. Never carries a key. Refusals are logged by
/// <see cref="Callbacks.CallbackLog"/>.
/// </summary>
public static partial class PaymentNotificationLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Payment notification txid {Txid} status {Status} order {Order} ({ServiceCode}): {MessageType} {Outcome}")]
    public static partial void Handled(
        ILogger logger, long txid, int status, string order, string serviceCode, string messageType, PublishOutcome outcome);
}
