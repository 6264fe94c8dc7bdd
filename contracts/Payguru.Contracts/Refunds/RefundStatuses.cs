namespace Payguru.Contracts.Refunds;

/// <summary>
/// Payguru's refund statuses as its documents show them. Others exist ("#See" in the document,
/// never listed) and are carried through; a status never moves backwards.
/// </summary>
public static class RefundStatuses
{
    /// <summary>New: nothing done yet.</summary>
    public const int New = 1;

    /// <summary>Updated, not yet paid back.</summary>
    public const int Updated = 2;

    /// <summary>Paid back: refund time and bank fields are filled.</summary>
    public const int Paid = 3;
}
