using Payguru.Gateway.Requests;
using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Identity;

/// <summary>
/// Turns the fields of a <c>verified</c> or <c>unverified</c> call (docs/protocol.md §3) into an
/// <see cref="IdentityNotification"/>. <c>txid</c>, <c>code</c>, <c>order</c>, <c>amount</c> and <c>key</c>
/// are required (the event carries them); <c>transaction_date</c>, <c>bank</c> and <c>bank_no</c> are read
/// when given. The key covers the order only: md5(service + merchant + order + merchantKey + serviceKey).
/// </summary>
public static class IdentityNotificationParser
{
    static readonly string[] RequiredFields = ["txid", "code", "order", "amount", "key"];

    public static ReadResult<IdentityNotification> Parse(WireFields fields, PayguruOptions payguru)
    {
        if (fields.FirstMissing(RequiredFields) is { } missing)
        {
            return Fail($"missing field '{missing}'");
        }

        if (!WireValues.TryParseId(fields["txid"]!, out var txid))
        {
            return Fail("txid must be a whole number");
        }

        var amountText = fields["amount"]!;
        if (!WireValues.TryParseAmount(amountText, out var amount))
        {
            return Fail("amount must be a decimal number such as 10.50");
        }

        if (!fields.TryGetTurkeyTime("transaction_date", out var transactionTime))
        {
            return Fail("transaction_date must look like 2018-01-18 13:48:39");
        }

        var order = fields["order"]!;
        var service = ServiceKeyMatcher.FindService(payguru.ServiceSecrets, s => PayguruKeys.TcknVerify(s, payguru.Merchant, order), fields["key"]);
        if (service is null)
        {
            return Fail("invalid key");
        }

        return ReadResult<IdentityNotification>.Success(new IdentityNotification(
            fields["notification_type"] == IdentityNotificationTypes.Verified,
            txid,
            fields["code"]!,
            order,
            amount,
            amountText,
            transactionTime,
            fields.Optional("bank"),
            fields.Optional("bank_no"),
            service.Code));
    }

    static ReadResult<IdentityNotification> Fail(string reason) => ReadResult<IdentityNotification>.Failure(reason);
}
