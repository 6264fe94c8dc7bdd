using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Payments;

/// <summary>A genuine payment notification: every field parsed, the key verified against <see cref="ServiceCode"/>.</summary>
public sealed record PaymentNotification(
    long Txid,
    string PayguruCode,
    string Order,
    decimal Amount,
    string AmountText,
    int Status,
    DateTimeOffset TransactionTime,
    string Bank,
    string ServiceCode) : ICallbackNotification
{
    /// <summary>Payguru's status of an accepted payment.</summary>
    public const int AcceptedStatus = 3;

    public static string Kind => "payment";

    /// <summary>The same notification repeated gets the same id, so subscribers drop the repeat.</summary>
    public Guid MessageId => MessageIds.Payment(Txid, Status);

    /// <summary>
    /// <see cref="PaymentAccepted"/> for status 3; any other status becomes
    /// <see cref="PaymentStatusReported"/> so that no genuine notification is dropped.
    /// </summary>
    public object ToMessage() => Status == AcceptedStatus
        ? new PaymentAccepted(Txid, PayguruCode, Order, Amount, AmountText, Status, TransactionTime, Bank, ServiceCode)
        : new PaymentStatusReported(Txid, PayguruCode, Order, Amount, AmountText, Status, TransactionTime, Bank, ServiceCode);

    public void LogHandled(ILogger logger, string messageType, PublishOutcome outcome) =>
        CallbackLog.PaymentHandled(logger, Txid, Status, Order, ServiceCode, messageType, outcome);
}
