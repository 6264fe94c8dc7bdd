using Payguru.Gateway.Requests;
using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// A <c>/PhsRefundNotifyService</c> call (docs/protocol.md §5). A refund not yet paid back comes with empty bank
/// fields (<c>bank_code=</c>, <c>bank_receipt_no=</c>, <c>refund_date=</c>): an empty optional field is "not known"
/// (null). <c>refund_contact</c>, <c>refund_iban</c> and <c>bank_no</c> are not carried by <c>RefundSettled</c> and are not read.
/// </summary>
public static class RefundNotificationParser
{
    static readonly string[] RequiredFields = ["refund_id", "code", "order", "status", "amount", "key"];

    // Required by the protocol, but empty until the refund is paid.
    const string ReceiptField = "bank_receipt_no";

    public static ReadResult<RefundNotification> Parse(WireFields fields, PayguruOptions payguru)
    {
        if (fields.FirstMissing(RequiredFields) is { } missing)
        {
            return Fail($"missing field '{missing}'");
        }

        if (fields[ReceiptField] is null)
        {
            return Fail($"missing field '{ReceiptField}'");
        }

        var refundIdText = fields["refund_id"]!;
        var amountText = fields["amount"]!;
        if (!WireValues.TryParseId(refundIdText, out var refundId))
        {
            return Fail("refund_id must be a whole number");
        }

        if (!WireValues.TryParseStatus(fields["status"]!, out var status))
        {
            return Fail("status must be a whole number");
        }

        if (!WireValues.TryParseAmount(amountText, out var amount))
        {
            return Fail("amount must be a decimal number such as 0.50");
        }

        if (!fields.TryGetTurkeyTime("refund_date", out var refundTime))
        {
            return Fail("refund_date must look like 2018-01-18 13:48:39");
        }

        if (!fields.TryGetTurkeyTime("create_time", out var createTime))
        {
            return Fail("create_time must look like 2018-01-18 13:48:39");
        }

        long? bankId = null;
        if (fields.Optional("bank_id") is { } bankIdText)
        {
            if (!WireValues.TryParseId(bankIdText, out var parsedBankId))
            {
                return Fail("bank_id must be a whole number");
            }

            bankId = parsedBankId;
        }

        var code = fields["code"]!;
        var order = fields["order"]!;
        // Signed as it travelled: an unpaid refund's empty bank_code is part of the key as "".
        var bankCode = fields["bank_code"] ?? "";
        var service = ServiceKeyMatcher.FindService(
            payguru.ServiceSecrets,
            s => PayguruKeys.RefundNotify(s, payguru.Merchant, refundIdText, code, order, amountText, bankCode),
            fields["key"]);
        if (service is null)
        {
            return Fail("invalid key");
        }

        return ReadResult<RefundNotification>.Success(new RefundNotification(
            refundId,
            code,
            order,
            status,
            amount,
            amountText,
            fields.Optional("bank_name"),
            fields.Optional("bank_code"),
            bankId,
            fields.Optional(ReceiptField),
            refundTime,
            createTime,
            service.Code));
    }

    static ReadResult<RefundNotification> Fail(string reason) => ReadResult<RefundNotification>.Failure(reason);
}
