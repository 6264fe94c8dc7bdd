using System.Text.Json.Serialization;
using Payguru.Provider.Wire.Json;

namespace Payguru.Provider.Wire;

/// <summary>
/// One refund, with every field of the seed's sample, in its order. The sample sends ids as numbers where the
/// table says String: numbers are read from either. Statuses seen: 1 new, 2 updated, 3 paid back (then
/// <c>refund_time</c> and the bank fields are filled); other values are carried through.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class RefundDetail
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("merchant_name")]
    public string? MerchantName { get; init; }

    [JsonPropertyName("merchant_id")]
    public long? MerchantId { get; init; }

    [JsonPropertyName("service_name")]
    public string? ServiceName { get; init; }

    [JsonPropertyName("service_id")]
    public long? ServiceId { get; init; }

    [JsonPropertyName("transaction_id")]
    public long? TransactionId { get; init; }

    [JsonPropertyName("status")]
    public int Status { get; init; }

    [JsonPropertyName("create_time")]
    public string? CreateTime { get; init; }

    [JsonPropertyName("update_time")]
    public string? UpdateTime { get; init; }

    [JsonPropertyName("refund_time")]
    public string? RefundTime { get; init; }

    /// <summary>The amount's text exactly as Payguru sent it (<c>"0.50"</c>, <c>"5"</c>); keys are signed over it.</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(WireTextConverter))]
    public string Amount { get; init; } = "";

    [JsonPropertyName("update_userid")]
    [JsonConverter(typeof(WireTextConverter))]
    public string? UpdateUserId { get; init; }

    [JsonPropertyName("requested_by")]
    [JsonConverter(typeof(WireTextConverter))]
    public string? RequestedBy { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("refund_contact")]
    public string? RefundContact { get; init; }

    [JsonPropertyName("refund_iban")]
    public string? RefundIban { get; init; }

    [JsonPropertyName("bank_id")]
    public long? BankId { get; init; }

    [JsonPropertyName("bank_name")]
    public string? BankName { get; init; }

    [JsonPropertyName("bank_code")]
    public string? BankCode { get; init; }

    [JsonPropertyName("bank_receipt_no")]
    [JsonConverter(typeof(WireTextConverter))]
    public string? BankReceiptNo { get; init; }

    // The IBAN and the contact are personal data: keep them out of anything that prints a refund.
    public override string ToString() => $"RefundDetail {{ Id = {Id}, Status = {Status}, Amount = {Amount} }}";
}
