using System.Text.Json.Serialization;

namespace Payguru.Sandbox.Payments;

/// <summary>
/// A payment Payguru accepted (from <c>/phs/transaction/test</c> or seeded by the admin API). Every
/// value is kept as the text that travels: the notification key is signed over it. <see cref="Tckno"/>,
/// the customer's TCKN when the payment was given one, is what Payguru's identity check compares the
/// merchant's answer with; it is never shown in an answer or a log line.
/// </summary>
public sealed record Payment(
    long Txid,
    string MerchantId,
    string ServiceCode,
    string PayguruCode,
    string Order,
    string Amount,
    int Status,
    string TransactionDate,
    string Bank,
    [property: JsonIgnore] string? Tckno = null)
{
    // The TCKN stays out of anything that prints the record.
    public override string ToString() => $"Payment {{ Txid = {Txid}, Order = {Order}, Amount = {Amount} }}";
}
