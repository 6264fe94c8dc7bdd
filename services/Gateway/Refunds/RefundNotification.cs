using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// A genuine refund notification: every field parsed, the key verified against <see cref="ServiceCode"/>.
/// The refund's contact name and IBAN travel in the notification but are deliberately not kept:
/// <see cref="RefundSettled"/> does not carry them, and nothing here may log them.
/// </summary>
public sealed record RefundNotification(
    long RefundId,
    string PayguruCode,
    string Order,
    int Status,
    decimal Amount,
    string AmountText,
    string? BankName,
    string? BankCode,
    long? BankId,
    string? BankReceiptNo,
    DateTimeOffset? RefundTime,
    DateTimeOffset? CreateTime,
    string ServiceCode) : ICallbackNotification
{
    public static string Kind => "refund";

    /// <summary>The same report repeated (by this notification or by the processor's reconciliation) gets the same id.</summary>
    public Guid MessageId => MessageIds.RefundSettled(RefundId, Status);

    public object ToMessage() => new RefundSettled(
        RefundId, Order, PayguruCode, Status, Amount, BankName, BankCode, BankId, BankReceiptNo, RefundTime, CreateTime);

    public void LogHandled(ILogger logger, string messageType, PublishOutcome outcome) =>
        CallbackLog.RefundHandled(logger, RefundId, Status, Order, ServiceCode, messageType, outcome);
}
