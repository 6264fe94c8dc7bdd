using System.Globalization;
using Payguru.Provider.Signing;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Refunds;

namespace Payguru.Sandbox.Callbacks;

/// <summary>Builds Payguru's notifications with their fields and keys (docs/protocol.md §2, §3 and §5).</summary>
public static class Notifications
{
    /// <summary>The bank number of the seed's sample bank (Ziraat), sent as <c>bank_no</c> of the identity calls.</summary>
    public const string BankNo = "10";

    /// <summary><c>/PhsNotifyService</c>, keyed md5(service + merchant + txid + code + order + amount + merchantKey + serviceKey).</summary>
    public static Callback Payment(MerchantAccount merchant, ServiceAccount service, Payment payment)
    {
        var txid = Text(payment.Txid);
        var key = PayguruKeys.PaymentNotify(service.Secret, merchant.Secret, txid, payment.PayguruCode, payment.Order, payment.Amount);
        return new Callback(
            CallbackKind.Payment,
            merchant.PaymentNotifyUrl,
            [
                new("txid", txid),
                new("code", payment.PayguruCode),
                new("order", payment.Order),
                new("status", Text(payment.Status)),
                new("amount", payment.Amount),
                new("transaction_date", payment.TransactionDate),
                new("bank", payment.Bank),
                new("key", key),
            ],
            $"payment notification txid {txid} (order {payment.Order}, status {payment.Status})");
    }

    /// <summary>
    /// <c>/PhsRefundNotifyService</c>, keyed md5(service + merchant + refundId + code + order + amount +
    /// bankCode + merchantKey + serviceKey). A refund not yet paid has no bank: those fields are empty.
    /// </summary>
    public static Callback Refund(MerchantAccount merchant, ServiceAccount service, Refund refund)
    {
        var refundId = Text(refund.Id);
        var bankCode = refund.Bank?.Code ?? "";
        var key = PayguruKeys.RefundNotify(service.Secret, merchant.Secret, refundId, refund.PayguruCode, refund.Order, refund.Amount, bankCode);
        return new Callback(
            CallbackKind.Refund,
            merchant.RefundNotifyUrl,
            [
                new("refund_id", refundId),
                new("code", refund.PayguruCode),
                new("order", refund.Order),
                new("status", Text(refund.Status)),
                new("amount", refund.Amount),
                new("refund_contact", refund.Contact),
                new("refund_iban", refund.Iban),
                new("refund_date", refund.RefundTime ?? ""),
                new("create_time", refund.CreateTime),
                new("bank_no", refund.Bank?.No ?? ""),
                new("bank_id", refund.Bank is null ? "" : Text(refund.Bank.Id)),
                new("bank_name", refund.Bank?.Name ?? ""),
                new("bank_code", bankCode),
                new("bank_receipt_no", refund.Bank?.ReceiptNo ?? ""),
                new("key", key),
            ],
            $"refund notification {refundId} (order {refund.Order}, status {refund.Status})");
    }

    /// <summary>
    /// <c>/TCKNVerifyService</c> about <paramref name="payment"/> with <paramref name="notificationType"/>
    /// (<c>verify</c>, <c>verified</c> or <c>unverified</c>), keyed md5(service + merchant + order + merchantKey + serviceKey).
    /// The sandbox's payments all go through bank number <see cref="BankNo"/>. No TCKN travels: Payguru sends none.
    /// </summary>
    public static Callback Identity(MerchantAccount merchant, ServiceAccount service, Payment payment, string notificationType)
    {
        var txid = Text(payment.Txid);
        return new Callback(
            CallbackKind.Identity,
            merchant.TcknVerifyUrl,
            [
                new("txid", txid),
                new("code", payment.PayguruCode),
                new("order", payment.Order),
                new("amount", payment.Amount),
                new("transaction_date", payment.TransactionDate),
                new("bank", payment.Bank),
                new("bank_no", BankNo),
                new("key", PayguruKeys.TcknVerify(service.Secret, merchant.Secret, payment.Order)),
                new("notification_type", notificationType),
            ],
            $"identity {notificationType} txid {txid} (order {payment.Order})");
    }

    static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
