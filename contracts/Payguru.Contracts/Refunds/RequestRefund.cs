namespace Payguru.Contracts.Refunds;

/// <summary>
/// Command: refund <see cref="Amount"/> of <see cref="Order"/> to <see cref="Iban"/>. Send it to
/// <see cref="RefundEndpoints.RequestRefundQueue"/> (or publish it). The RefundProcessor answers
/// with <see cref="RefundSubmitted"/> or <see cref="RefundRejected"/>, and later
/// <see cref="RefundSettled"/>.
/// </summary>
/// <param name="RefundRequestId">
/// The caller's idempotency key: the same id again (a retry, a redelivery) makes no second refund
/// and gets the same outcome.
/// </param>
/// <param name="Order">The merchant's order reference, as in the payment.</param>
/// <param name="PayguruCode">Payguru's order code, when the caller knows it.</param>
/// <param name="ServiceCode">The Payguru service; optional when one service is configured or the order's payment is known.</param>
/// <param name="Amount">The amount to pay back: more than zero, at most two decimals.</param>
/// <param name="ContactName">The account holder's name.</param>
/// <param name="Iban">The IBAN to pay back to (ISO 13616; spaces allowed).</param>
/// <param name="Reason">Why the refund is made, for the caller's records; not sent to Payguru.</param>
public sealed record RequestRefund(
    Guid RefundRequestId,
    string Order,
    string? PayguruCode,
    string? ServiceCode,
    decimal Amount,
    string ContactName,
    string Iban,
    string? Reason)
{
    /// <summary>The command without its personal data: the contact name and the IBAN are left out.</summary>
    public override string ToString() =>
        $"RequestRefund {{ RefundRequestId = {RefundRequestId}, Order = {Order}, Amount = {Amount}, ServiceCode = {ServiceCode} }}";
}
