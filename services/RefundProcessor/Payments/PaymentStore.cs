using System.Data.Common;
using Dapper;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Payments;

/// <summary>Accepted payments and other reported statuses, one row per fact whatever the deliveries.</summary>
public sealed class PaymentStore(PaymentQueries queries, TimeProvider clock)
{
    /// <returns>False when the txid was already recorded.</returns>
    public async Task<bool> TryRecordAsync(DbTransaction transaction, Payment payment)
    {
        var rows = await transaction.Connection!.ExecuteAsync(queries.TryInsertPayment, new
        {
            payment.Txid,
            payment.PayguruCode,
            payment.Order,
            payment.Amount,
            payment.ServiceCode,
            payment.Bank,
            payment.TransactionTime,
            RecordedAt = clock.GetUtcNow(),
        }, transaction);
        return rows == 1;
    }

    /// <returns>False when this txid and status were already recorded.</returns>
    public async Task<bool> TryRecordStatusReportAsync(DbTransaction transaction, PaymentStatusReported report)
    {
        var rows = await transaction.Connection!.ExecuteAsync(queries.TryInsertStatusReport, new
        {
            report.Txid,
            report.Status,
            report.PayguruCode,
            report.Order,
            report.Amount,
            report.ServiceCode,
            report.Bank,
            report.TransactionTime,
            RecordedAt = clock.GetUtcNow(),
        }, transaction);
        return rows == 1;
    }

    /// <summary>The accepted payments of <paramref name="order"/>, oldest first (an order may have been paid more than once).</summary>
    public async Task<IReadOnlyList<OrderPayment>> OfOrderAsync(DbTransaction transaction, string order) =>
        (await transaction.Connection!.QueryAsync<OrderPayment>(queries.SelectOfOrder, new { Order = order }, transaction)).ToList();
}
