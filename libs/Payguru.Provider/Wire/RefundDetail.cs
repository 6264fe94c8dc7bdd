using System.Text.Json.Serialization;
using Payguru.Provider.Wire.Json;

namespace Payguru.Provider.Wire;

/// <summary>
/// One refund, with every field of the seed's sample, in its order. The sample sends ids as numbers where the
/// table says String: numbers are read from either. Statuses seen: 1 new, 2 updated, 3 paid back (then
/// <c>refund_time</c> and the bank fields are filled); other values are carried through.
/// </summary>
/// <param name="Amount">The amount's text exactly as Payguru sent it (<c>"0.50"</c>, <c>"5"</c>); keys are signed over it.</param>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed record RefundDetail(
    [property: JsonPropertyName("id")] long Id = 0,
    [property: JsonPropertyName("merchant_name")] string? MerchantName = null,
    [property: JsonPropertyName("merchant_id")] long? MerchantId = null,
    [property: JsonPropertyName("service_name")] string? ServiceName = null,
    [property: JsonPropertyName("service_id")] long? ServiceId = null,
    [property: JsonPropertyName("transaction_id")] long? TransactionId = null,
    [property: JsonPropertyName("status")] int Status = 0,
    [property: JsonPropertyName("create_time")] string? CreateTime = null,
    [property: JsonPropertyName("update_time")] string? UpdateTime = null,
    [property: JsonPropertyName("refund_time")] string? RefundTime = null,
    [property: JsonPropertyName("amount"), JsonConverter(typeof(WireTextConverter))] string Amount = "",
    [property: JsonPropertyName("update_userid"), JsonConverter(typeof(WireTextConverter))] string? UpdateUserId = null,
    [property: JsonPropertyName("requested_by"), JsonConverter(typeof(WireTextConverter))] string? RequestedBy = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("note")] string? Note = null,
    [property: JsonPropertyName("refund_contact")] string? RefundContact = null,
    [property: JsonPropertyName("refund_iban")] string? RefundIban = null,
    [property: JsonPropertyName("bank_id")] long? BankId = null,
    [property: JsonPropertyName("bank_name")] string? BankName = null,
    [property: JsonPropertyName("bank_code")] string? BankCode = null,
    [property: JsonPropertyName("bank_receipt_no"), JsonConverter(typeof(WireTextConverter))] string? BankReceiptNo = null)
{
    // The IBAN and the contact are personal data: keep them out of anything that prints a refund.
    public override string ToString() => $"RefundDetail {{ Id = {Id}, Status = {Status}, Amount = {Amount} }}";
}
