using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;
using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Requests;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// Turns the fields of a <c>/PhsRefundNotifyService</c> call (docs/protocol.md §5) into a
/// <see cref="RefundNotification"/>: the required fields present and well-formed, the optional
/// ones well-formed when given, and the key genuine for one configured service.
/// </summary>
/// <remarks>
/// A refund not yet paid back comes with empty bank fields (<c>bank_code=</c>, <c>bank_receipt_no=</c>,
/// <c>refund_date=</c>): an empty optional field is read as "not known" (null), and the empty
/// <c>bank_code</c> is signed as the empty text. <c>bank_receipt_no</c> is required by the protocol:
/// it must be present, but may be empty until the refund is paid. <c>refund_contact</c>,
/// <c>refund_iban</c> and <c>bank_no</c> are not carried by <c>RefundSettled</c> and are not read.
/// </remarks>
public static class RefundNotificationParser
{
    static readonly string[] RequiredFields = ["refund_id", "code", "order", "status", "amount", "key"];

    /// <summary>Must be present; may be empty (a refund not yet paid has no receipt).</summary>
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

        if (!TryParseOptionalTime(fields["refund_date"], out var refundTime))
        {
            return Fail("refund_date must look like 2018-01-18 13:48:39");
        }

        if (!TryParseOptionalTime(fields["create_time"], out var createTime))
        {
            return Fail("create_time must look like 2018-01-18 13:48:39");
        }

        long? bankId = null;
        if (Optional(fields["bank_id"]) is { } bankIdText)
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
            Optional(fields["bank_name"]),
            Optional(bankCode),
            bankId,
            Optional(fields[ReceiptField]),
            refundTime,
            createTime,
            service.Code));
    }

    /// <summary>The field's text, or null when it is absent, empty or blank.</summary>
    static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    static bool TryParseOptionalTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (Optional(text) is not { } present)
        {
            return true;
        }

        if (!WireValues.TryParseTurkeyTime(present, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    static ReadResult<RefundNotification> Fail(string reason) => ReadResult<RefundNotification>.Failure(reason);
}
