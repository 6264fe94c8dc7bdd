using Payguru.Contracts.Identity;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;

namespace Payguru.Contracts.Testing.Events;

/// <summary>
/// The events the gateway publishes for Payguru's callbacks, with the message ids it gives them (<see cref="MessageIds"/>):
/// a repeated callback of the same fact gets the same id. Defaults are the sandbox's: service <c>DEMO</c>, bank
/// <c>ziraatbank</c>, Payguru code <c>PG-&lt;txid&gt;</c>, and for a paid refund Ziraat's bank fields with receipt <c>DEKONT&lt;id&gt;</c>.
/// </summary>
public static class GatewayEvents
{
    /// <summary>Turkey time, in which Payguru reports its times.</summary>
    static readonly TimeSpan Turkey = TimeSpan.FromHours(3);

    /// <summary>Payguru's status of an accepted payment.</summary>
    public const int AcceptedStatus = 3;

    /// <summary><see cref="Payments.PaymentAccepted"/> of transaction <paramref name="txid"/> (a payment notification with status 3).</summary>
    public static GatewayEvent<PaymentAccepted> PaymentAccepted(
        long txid, string order, decimal amount, string serviceCode = "DEMO", string? payguruCode = null, string bank = "ziraatbank",
        DateTimeOffset? transactionTime = null) =>
        new(new PaymentAccepted(txid, payguruCode ?? $"PG-{txid}", order, amount, RefundRequestRules.FormatAmount(amount), AcceptedStatus,
            transactionTime ?? DefaultTime, bank, serviceCode), MessageIds.Payment(txid, AcceptedStatus));

    /// <summary><see cref="Payments.PaymentStatusReported"/>: a payment notification with a <paramref name="status"/> other than 3.</summary>
    public static GatewayEvent<PaymentStatusReported> PaymentStatusReported(
        long txid, string order, decimal amount, int status, string serviceCode = "DEMO", string? payguruCode = null, string bank = "ziraatbank",
        DateTimeOffset? transactionTime = null) =>
        new(new PaymentStatusReported(txid, payguruCode ?? $"PG-{txid}", order, amount, RefundRequestRules.FormatAmount(amount), status,
            transactionTime ?? DefaultTime, bank, serviceCode), MessageIds.Payment(txid, status));

    /// <summary>
    /// <see cref="Refunds.RefundSettled"/>: Payguru's refund notification of <paramref name="refundId"/> at <paramref name="status"/>
    /// (3, paid, by default). A paid refund carries bank fields and its refund time; others none.
    /// </summary>
    public static GatewayEvent<RefundSettled> RefundSettled(
        long refundId, string order, decimal amount, int status = RefundStatuses.Paid, string? payguruCode = null,
        DateTimeOffset? refundTime = null, DateTimeOffset? createTime = null)
    {
        var paid = status == RefundStatuses.Paid;
        var message = new RefundSettled(refundId, order, payguruCode, status, amount,
            paid ? "Ziraat" : null, paid ? "ziraatbank" : null, paid ? 1 : null, paid ? $"DEKONT{refundId}" : null,
            paid ? (refundTime ?? DateTimeOffset.UtcNow).ToOffset(Turkey) : null, (createTime ?? DefaultTime).ToOffset(Turkey));
        return new(message, MessageIds.RefundSettled(refundId, status));
    }

    /// <summary><see cref="Identity.IdentityVerified"/>: Payguru's identity check of transaction <paramref name="txid"/> for <paramref name="order"/> matched.</summary>
    public static GatewayEvent<IdentityVerified> IdentityVerified(
        long txid, string order, decimal amount, string serviceCode = "DEMO", string? payguruCode = null, string? bank = "ziraatbank") =>
        new(new IdentityVerified(txid, payguruCode ?? $"PG-{txid}", order, amount, RefundRequestRules.FormatAmount(amount), DefaultTime, bank, null, serviceCode),
            MessageIds.IdentityVerified(txid, order));

    /// <summary><see cref="Identity.IdentityVerificationFailed"/>: Payguru's identity check of transaction <paramref name="txid"/> for <paramref name="order"/> did not match.</summary>
    public static GatewayEvent<IdentityVerificationFailed> IdentityVerificationFailed(
        long txid, string order, decimal amount, string serviceCode = "DEMO", string? payguruCode = null, string? bank = "ziraatbank") =>
        new(new IdentityVerificationFailed(txid, payguruCode ?? $"PG-{txid}", order, amount, RefundRequestRules.FormatAmount(amount), DefaultTime, bank, null, serviceCode),
            MessageIds.IdentityVerificationFailed(txid, order));

    static DateTimeOffset DefaultTime => DateTimeOffset.UtcNow.ToOffset(Turkey);
}
