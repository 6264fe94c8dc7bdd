using System.Data.Common;
using Dapper;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Payments;

/// <summary>Accepted payments and other reported statuses, one row per fact whatever the deliveries.</summary>
public sealed class PaymentStore(PaymentQueries queries, TimeProvider clock)
{
    /// <returns>False when the txid was already recorded.</returns>
    public Task<bool> TryRecordAsync(DbTransaction transaction, Payment payment) =>
        TryInsertAsync(transaction, queries.TryInsertPayment, payment);

    /// <returns>False when this txid and status were already recorded.</returns>
    public Task<bool> TryRecordStatusReportAsync(DbTransaction transaction, PaymentStatusReported report) =>
        TryInsertAsync(transaction, queries.TryInsertStatusReport, report);

    /// <summary>The accepted payments of <paramref name="order"/>, oldest first (an order may have been paid more than once).</summary>
    public async Task<IReadOnlyList<OrderPayment>> OfOrderAsync(DbTransaction transaction, string order) =>
        (await transaction.Connection!.QueryAsync<OrderPayment>(queries.SelectOfOrder, new { Order = order }, transaction)).ToList();

    // The fact's properties are the statement's parameters (Dapper passes only those it names), with the time it was recorded.
    async Task<bool> TryInsertAsync(DbTransaction transaction, string sql, object fact)
    {
        var parameters = new DynamicParameters(fact);
        parameters.Add("RecordedAt", clock.GetUtcNow());
        return await transaction.Connection!.ExecuteAsync(sql, parameters, transaction) == 1;
    }
}
