using Payguru.Contracts.Validation;
using Payguru.Provider.Client;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Settles an unknown create outcome with <c>refund/getByOrder</c>: the order's refund with the
/// same amount and IBAN that no other request of ours has claimed is the one the attempt made.
/// Only one create per order is ever in flight, so what it finds can only be that attempt's.
/// </summary>
public sealed class RefundLookup(IPayguruRefundsApi api, RefundStore store)
{
    /// <returns>The refund id to adopt, or null when the order shows none (nothing was created).</returns>
    /// <exception cref="InvalidOperationException">The lookup itself failed: the outcome stays unknown.</exception>
    public async Task<long?> FindCreatedAsync(RefundRecord refund, CancellationToken cancellationToken)
    {
        var answer = await api.GetByOrderAsync(refund.Order, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new InvalidOperationException($"refund/getByOrder answered {answer.Status} {answer.Message}");
        }

        var known = await store.KnownRefundIdsAsync(refund.Order, cancellationToken);
        var amount = refund.AmountValue;
        return (answer.Data ?? [])
            .Where(r => !known.Contains(r.Id))
            .Where(r => decimal.TryParse(r.Amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a) && a == amount)
            .Where(r => r.RefundIban is not null && Iban.Normalize(r.RefundIban) == refund.Iban)
            .OrderBy(r => r.Id)
            .Select(r => (long?)r.Id)
            .FirstOrDefault();
    }
}
