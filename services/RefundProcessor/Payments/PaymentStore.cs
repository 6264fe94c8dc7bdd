using System.Data.Common;
using System.Globalization;
using Dapper;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Payments;

/// <summary>Accepted payments and other reported statuses, one row per fact whatever the deliveries.</summary>
public sealed class PaymentStore(IPaymentQueries queries, TimeProvider clock)
{
    /// <returns>False when the txid was already recorded.</returns>
    public async Task<bool> TryRecordAsync(DbTransaction transaction, Payment payment)
    {
        var rows = await transaction.Connection!.ExecuteAsync(queries.TryInsertPayment, new
        {
            payment.Txid,
            payment.PayguruCode,
            payment.Order,
            Amount = payment.Amount.ToString(CultureInfo.InvariantCulture),
            payment.ServiceCode,
            payment.Bank,
            TransactionTime = payment.TransactionTime.ToString("O"),
            RecordedAt = clock.GetUtcNow().ToString("O"),
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
            Amount = report.Amount.ToString(CultureInfo.InvariantCulture),
            report.ServiceCode,
            report.Bank,
            TransactionTime = report.TransactionTime.ToString("O"),
            RecordedAt = clock.GetUtcNow().ToString("O"),
        }, transaction);
        return rows == 1;
    }

    /// <summary>The accepted payments of <paramref name="order"/>, oldest first (an order may have been paid more than once).</summary>
    public async Task<IReadOnlyList<OrderPayment>> OfOrderAsync(DbTransaction transaction, string order)
    {
        var rows = await transaction.Connection!.QueryAsync<(string Amount, string ServiceCode, string PayguruCode)>(
            "SELECT amount, service_code, payguru_code FROM payments WHERE order_ref = @Order ORDER BY txid;", new { Order = order }, transaction);
        return rows.Select(row => new OrderPayment(decimal.Parse(row.Amount, CultureInfo.InvariantCulture), row.ServiceCode, row.PayguruCode)).ToList();
    }
}
