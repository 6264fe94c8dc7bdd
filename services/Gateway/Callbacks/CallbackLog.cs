using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Callbacks;

/// <summary>The log lines of Payguru's callbacks, source-generated. None carries a key, a refund's IBAN or its contact name.</summary>
static partial class CallbackLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Callback}: {Reason}")]
    public static partial void Refused(ILogger logger, string callback, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Payment notification txid {Txid} status {Status} order {Order} ({ServiceCode}): {MessageType} {Outcome}")]
    public static partial void PaymentHandled(
        ILogger logger, long txid, int status, string order, string serviceCode, string messageType, PublishOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Refund notification refund id {RefundId} status {Status} order {Order} ({ServiceCode}): {MessageType} {Outcome}")]
    public static partial void RefundHandled(
        ILogger logger, long refundId, int status, string order, string serviceCode, string messageType, PublishOutcome outcome);
}
