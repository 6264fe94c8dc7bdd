using Payguru.Contracts.Identity;
using Payguru.Contracts.Ids;
using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Identity;

/// <summary>
/// A genuine <c>verified</c> or <c>unverified</c> report of Payguru's identity check: every field parsed,
/// the key verified against <see cref="ServiceCode"/>. It carries no TCKN: Payguru sends none.
/// </summary>
public sealed record IdentityNotification(
    bool Verified,
    long Txid,
    string PayguruCode,
    string Order,
    decimal Amount,
    string AmountText,
    DateTimeOffset? TransactionTime,
    string? Bank,
    string? BankNo,
    string ServiceCode) : ICallbackNotification
{
    public static string Kind => "identity";

    string Outcome => Verified ? IdentityNotificationTypes.Verified : IdentityNotificationTypes.Unverified;

    /// <summary>The same report repeated gets the same id, so subscribers drop the repeat.</summary>
    public Guid MessageId => Verified ? MessageIds.IdentityVerified(Txid, Order) : MessageIds.IdentityVerificationFailed(Txid, Order);

    public object ToMessage() => Verified
        ? new IdentityVerified(Txid, PayguruCode, Order, Amount, AmountText, TransactionTime, Bank, BankNo, ServiceCode)
        : new IdentityVerificationFailed(Txid, PayguruCode, Order, Amount, AmountText, TransactionTime, Bank, BankNo, ServiceCode);

    public void LogHandled(ILogger logger, string messageType, PublishOutcome outcome) =>
        IdentityVerificationLog.Reported(logger, Outcome, Txid, Order, ServiceCode, messageType, outcome);
}
