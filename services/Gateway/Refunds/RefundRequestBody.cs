using System.ComponentModel;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// The JSON body of <c>POST /refunds</c>: a <c>RequestRefund</c> as an internal service writes it.
/// Every property is nullable so that a missing one is reported by name (<see cref="RefundRequestReader"/>).
/// In the OpenAPI document the properties without a default are the required ones, shown as not
/// nullable (<see cref="OpenApi.RefundRequestBodySchemaTransformer"/>).
/// </summary>
public sealed record RefundRequestBody(
    [property: Description("The caller's idempotency key: the same id again makes no second refund.")]
    Guid? RefundRequestId,
    [property: Description("The merchant's order reference, as in the payment (at most 100 characters).")]
    string? Order,
    [property: Description("The amount to pay back, as a JSON number: more than zero, at most two decimals (10.50).")]
    decimal? Amount,
    [property: Description("The account holder's name (at most 100 characters).")]
    string? ContactName,
    [property: Description("The IBAN to pay back to (ISO 13616, spaces allowed).")]
    string? Iban,
    [property: Description("Payguru's order code, when the caller knows it.")]
    string? PayguruCode = null,
    [property: Description("The Payguru service; optional when one service is configured or the order's payment is known.")]
    string? ServiceCode = null,
    [property: Description("Why the refund is made, for the caller's records; not sent to Payguru.")]
    string? Reason = null)
{
    /// <summary>The body without its personal data: the contact name and the IBAN are left out.</summary>
    public override string ToString() =>
        $"RefundRequestBody {{ RefundRequestId = {RefundRequestId}, Order = {Order}, Amount = {Amount}, ServiceCode = {ServiceCode} }}";
}
