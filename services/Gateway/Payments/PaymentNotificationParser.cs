using Payguru.Gateway.Requests;
using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Payments;

/// <summary>
/// Turns the fields of a <c>/PhsNotifyService</c> call into a <see cref="PaymentNotification"/>:
/// every field present and well-formed, and the key genuine for one configured service.
/// </summary>
public static class PaymentNotificationParser
{
    static readonly string[] RequiredFields = ["txid", "code", "order", "status", "amount", "transaction_date", "bank", "key"];

    public static ReadResult<PaymentNotification> Parse(WireFields fields, PayguruOptions payguru)
    {
        if (fields.FirstMissing(RequiredFields) is { } missing)
        {
            return Fail($"missing field '{missing}'");
        }

        var txidText = fields["txid"]!;
        var amountText = fields["amount"]!;
        if (!WireValues.TryParseId(txidText, out var txid))
        {
            return Fail("txid must be a whole number");
        }

        if (!WireValues.TryParseAmount(amountText, out var amount))
        {
            return Fail("amount must be a decimal number such as 10.50");
        }

        if (!WireValues.TryParseStatus(fields["status"]!, out var status))
        {
            return Fail("status must be a whole number");
        }

        if (!WireValues.TryParseTurkeyTime(fields["transaction_date"]!, out var transactionTime))
        {
            return Fail("transaction_date must look like 2018-01-18 13:48:39");
        }

        var code = fields["code"]!;
        var order = fields["order"]!;
        var service = ServiceKeyMatcher.FindService(
            payguru.ServiceSecrets,
            s => PayguruKeys.PaymentNotify(s, payguru.Merchant, txidText, code, order, amountText),
            fields["key"]);
        if (service is null)
        {
            return Fail("invalid key");
        }

        return ReadResult<PaymentNotification>.Success(new PaymentNotification(
            txid, code, order, amount, amountText, status, transactionTime, fields["bank"]!, service.Code));
    }

    static ReadResult<PaymentNotification> Fail(string reason) => ReadResult<PaymentNotification>.Failure(reason);
}
