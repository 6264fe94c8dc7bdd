using System.Globalization;
using Payguru.Contracts.Refunds;
using Payguru.Provider.Wire;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>Conversions between Payguru's refund reports and <see cref="RefundResult"/>.</summary>
public static class RefundResults
{
    public static RefundResult From(RefundSettled message) => new(
        message.RefundId, message.Status, message.Order, Money(message.Amount),
        message.BankName, message.BankCode, message.BankId, message.BankReceiptNo, message.RefundTime, message.CreateTime);

    public static RefundResult From(RefundDetail detail, string order) => new(
        detail.Id, detail.Status, order,
        decimal.TryParse(detail.Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Money(amount) : detail.Amount,
        Blank(detail.BankName), Blank(detail.BankCode), detail.BankId, Blank(detail.BankReceiptNo),
        TurkeyTime(detail.RefundTime), TurkeyTime(detail.CreateTime));

    public static RefundSettled ToMessage(RefundResult result, string? payguruCode) => new(
        result.RefundId, result.Order, payguruCode, result.Status,
        decimal.Parse(result.Amount, NumberStyles.Number, CultureInfo.InvariantCulture),
        result.BankName, result.BankCode, result.BankId, result.BankReceiptNo, result.RefundTime, result.CreateTime);

    // One text for an amount whichever report brought it: two decimals at least (12.50).
    static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    static DateTimeOffset? TurkeyTime(string? value) =>
        !string.IsNullOrEmpty(value) && WireValues.TryParseTurkeyTime(value, out var time) ? time : null;
}
