using System.Globalization;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Payments;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>Payments and status reports, for any dialect: one row per fact however many times it is recorded.</summary>
public abstract class PaymentStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    static readonly DateTimeOffset TransactionTime = new(2025, 5, 30, 14, 15, 16, TimeSpan.FromHours(3));

    PaymentStore Payments => new(Database.PaymentQueries, Clock);

    [SkippableFact]
    public async Task Payment_is_stored_with_its_fields()
    {
        var payment = new Payment(4711, "PG-123", "order-1", 10.50m, "svc-1", "0062", TransactionTime);

        Assert.True(await InTransactionAsync(tx => Payments.TryRecordAsync(tx, payment)));

        var row = Assert.Single(await QueryAsync<PaymentRow>(
            "SELECT txid AS Txid, payguru_code AS PayguruCode, order_ref AS OrderRef, amount AS Amount, service_code AS ServiceCode, " +
            "bank AS Bank, transaction_time AS TransactionTime, recorded_at AS RecordedAt FROM payments;"));
        Assert.Equal(new PaymentRow(4711, "PG-123", "order-1", "10.50", "svc-1", "0062", "2025-05-30T14:15:16.0000000+03:00", Clock.GetUtcNow().ToString("O")), row);
    }

    [SkippableFact]
    public async Task Same_txid_recorded_many_times_keeps_one_row_with_the_first_fields()
    {
        var first = new Payment(4711, "PG-123", "order-1", 10.50m, "svc-1", "0062", TransactionTime);

        var results = new List<bool>();
        foreach (var order in new[] { "order-1", "order-2", "order-3" })
        {
            results.Add(await InTransactionAsync(tx => Payments.TryRecordAsync(tx, first with { Order = order })));
        }

        Assert.Equal([true, false, false], results);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM payments WHERE txid = 4711;"));
        Assert.Equal("order-1", await ScalarAsync<string>("SELECT order_ref FROM payments WHERE txid = 4711;"));
    }

    [SkippableFact]
    public async Task Different_txids_are_separate_payments()
    {
        var payment = new Payment(1, "PG-1", "order-1", 5m, "svc-1", "0062", TransactionTime);

        Assert.True(await InTransactionAsync(tx => Payments.TryRecordAsync(tx, payment)));
        Assert.True(await InTransactionAsync(tx => Payments.TryRecordAsync(tx, payment with { Txid = 2 })));

        Assert.Equal(2L, await ScalarAsync<long>("SELECT COUNT(*) FROM payments;"));
    }

    [SkippableFact]
    public async Task Payment_in_a_rolled_back_transaction_is_not_stored()
    {
        var payment = new Payment(4711, "PG-123", "order-1", 10.50m, "svc-1", "0062", TransactionTime);

        await InTransactionAsync(tx => Payments.TryRecordAsync(tx, payment), commit: false);

        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM payments;"));
    }

    [SkippableFact]
    public async Task Status_reports_keep_one_row_per_txid_and_status()
    {
        var report = new PaymentStatusReported(4711, "PG-123", "order-1", 10.50m, "10.50", 2, TransactionTime, "0062", "svc-1");

        var results = new List<bool>
        {
            await InTransactionAsync(tx => Payments.TryRecordStatusReportAsync(tx, report)),
            await InTransactionAsync(tx => Payments.TryRecordStatusReportAsync(tx, report)),
            await InTransactionAsync(tx => Payments.TryRecordStatusReportAsync(tx, report with { Status = 5 })),
            await InTransactionAsync(tx => Payments.TryRecordStatusReportAsync(tx, report with { Txid = 4712 })),
            await InTransactionAsync(tx => Payments.TryRecordStatusReportAsync(tx, report with { Status = 5 })),
        };

        Assert.Equal([true, false, true, true, false], results);
        var rows = await QueryAsync<(long Txid, long Status, string Amount)>(
            "SELECT txid, status, amount FROM payment_status_reports ORDER BY txid, status;");
        Assert.Equal([(4711L, 2L, "10.50"), (4711L, 5L, "10.50"), (4712L, 2L, "10.50")], rows);
    }

    [SkippableFact]
    public async Task Amount_is_stored_in_invariant_culture_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            await InTransactionAsync(tx => Payments.TryRecordAsync(tx, new Payment(1, "PG-1", "order-1", 1234.5m, "svc-1", "0062", TransactionTime)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("1234.5", await ScalarAsync<string>("SELECT amount FROM payments WHERE txid = 1;"));
    }

    sealed record PaymentRow(
        long Txid, string PayguruCode, string OrderRef, string Amount, string ServiceCode, string Bank, string TransactionTime, string RecordedAt);
}
