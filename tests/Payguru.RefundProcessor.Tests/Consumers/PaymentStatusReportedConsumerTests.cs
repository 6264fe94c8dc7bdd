using MassTransit;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>PaymentStatusReported through the processor's real pipeline: one row per (txid, status).</summary>
public sealed class PaymentStatusReportedConsumerTests
{
    static readonly PaymentStatusReported Report = new(
        Txid: 555001,
        PayguruCode: "PG-2025-0002",
        Order: "order-43",
        Amount: 99.90m,
        AmountText: "99.90",
        Status: 2,
        TransactionTime: new DateTimeOffset(2025, 5, 30, 9, 0, 0, TimeSpan.FromHours(3)),
        Bank: "0046",
        ServiceCode: "svc-mobile");

    [Fact]
    public async Task Status_report_is_recorded_with_its_fields()
    {
        await using var processor = await ProcessorHarness.StartAsync();
        var id = MessageIds.Payment(Report.Txid, Report.Status);

        await processor.PublishAsync(Report, id);

        var finished = Assert.Single(await processor.FinishedAsync(id));
        Assert.False(finished.Faulted);
        var row = Assert.Single(await processor.QueryAsync<(long Txid, long Status, string PayguruCode, string OrderRef, string Amount, string ServiceCode, string Bank, string TransactionTime)>(
            "SELECT txid, status, payguru_code, order_ref, amount, service_code, bank, transaction_time FROM payment_status_reports;"));
        Assert.Equal((555001L, 2L, "PG-2025-0002", "order-43", "99.90", "svc-mobile", "0046", "2025-05-30T09:00:00.0000000+03:00"), row);
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM payments;"));
    }

    [Fact]
    public async Task Same_report_under_two_message_ids_is_recorded_once()
    {
        await using var processor = await ProcessorHarness.StartAsync();
        var firstId = NewId.NextGuid();
        var secondId = NewId.NextGuid();

        await processor.PublishAsync(Report, firstId);
        await processor.PublishAsync(Report, secondId);
        await processor.FinishedAsync(firstId);
        var second = Assert.Single(await processor.FinishedAsync(secondId));

        Assert.False(second.Faulted);
        Assert.Equal(1L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM payment_status_reports;"));
        Assert.Equal(2L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }

    [Fact]
    public async Task Another_status_of_the_same_txid_is_a_second_report()
    {
        await using var processor = await ProcessorHarness.StartAsync();
        var later = Report with { Status = 5 };

        await processor.PublishAsync(Report, MessageIds.Payment(Report.Txid, Report.Status));
        await processor.PublishAsync(later, MessageIds.Payment(later.Txid, later.Status));
        await processor.FinishedAsync(MessageIds.Payment(Report.Txid, Report.Status));
        await processor.FinishedAsync(MessageIds.Payment(later.Txid, later.Status));

        Assert.Equal([2L, 5L], await processor.QueryAsync<long>("SELECT status FROM payment_status_reports WHERE txid = 555001 ORDER BY status;"));
    }
}
