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
}
