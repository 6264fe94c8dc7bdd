namespace Payguru.Contracts.Refunds;

/// <summary>
/// Event: Payguru reports a refund's status, from its refund notification (gateway) or from the
/// processor's reconciliation. The message id is derived from <see cref="RefundId"/> and
/// <see cref="Status"/>, so both paths give the same id and subscribers see one event.
/// </summary>
/// <param name="RefundId">Payguru's refund id (as in <see cref="RefundSubmitted"/>).</param>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="PayguruCode">Payguru's order code, when known.</param>
/// <param name="Status">Payguru's refund status; see <see cref="RefundStatuses"/>. Other values are carried through.</param>
/// <param name="Amount">The refund amount.</param>
/// <param name="BankName">Bank name, once paid.</param>
/// <param name="BankCode">Bank code, once paid.</param>
/// <param name="BankId">Bank id, once paid.</param>
/// <param name="BankReceiptNo">The bank's receipt number, once paid.</param>
/// <param name="RefundTime">When it was paid back (Turkey time, +03:00), once paid.</param>
/// <param name="CreateTime">When Payguru created the refund.</param>
public sealed record RefundSettled(
    long RefundId,
    string Order,
    string? PayguruCode,
    int Status,
    decimal Amount,
    string? BankName,
    string? BankCode,
    long? BankId,
    string? BankReceiptNo,
    DateTimeOffset? RefundTime,
    DateTimeOffset? CreateTime)
{
    /// <summary>True when Payguru reports the refund paid back (status 3).</summary>
    public bool IsPaid => Status == RefundStatuses.Paid;
}
