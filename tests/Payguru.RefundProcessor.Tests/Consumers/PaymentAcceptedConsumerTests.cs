using MassTransit;
using MassTransit.Testing;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// PaymentAccepted through the processor's real pipeline: recorded once with its fields, whatever
/// the deliveries (invariant 3, docs/architecture.md), and a failed attempt leaves nothing behind.
/// </summary>
public sealed class PaymentAcceptedConsumerTests
{
    /// <summary>Fails every insert into payments while test_faults has a row.</summary>
    const string FailPaymentInserts = """
        CREATE TABLE test_faults (id INTEGER PRIMARY KEY);
        INSERT INTO test_faults (id) VALUES (1);
        CREATE TRIGGER test_fail_payment_insert BEFORE INSERT ON payments
        WHEN EXISTS (SELECT 1 FROM test_faults)
        BEGIN
            SELECT RAISE(ABORT, 'injected payments fault');
        END;
        """;

    static readonly PaymentAccepted Accepted = new(
        Txid: 987654,
        PayguruCode: "PG-2025-0001",
        Order: "order-42",
        Amount: 10.50m,
        AmountText: "10.50",
        Status: 3,
        TransactionTime: new DateTimeOffset(2025, 5, 30, 14, 15, 16, TimeSpan.FromHours(3)),
        Bank: "0062",
        ServiceCode: "svc-web");

    static Guid AcceptedId => MessageIds.Payment(Accepted.Txid, Accepted.Status);

    [Fact]
    public async Task Accepted_payment_is_recorded_with_its_fields()
    {
        await using var processor = await ProcessorHarness.StartAsync();

        await processor.PublishAsync(Accepted, AcceptedId);

        var finished = Assert.Single(await processor.FinishedAsync(AcceptedId));
        Assert.True(finished.Delivered);
        Assert.False(finished.Faulted);
        var row = Assert.Single(await processor.QueryAsync<(long Txid, string PayguruCode, string OrderRef, string Amount, string ServiceCode, string Bank, string TransactionTime)>(
            "SELECT txid, payguru_code, order_ref, amount, service_code, bank, transaction_time FROM payments;"));
        Assert.Equal((987654L, "PG-2025-0001", "order-42", "10.50", "svc-web", "0062", "2025-05-30T14:15:16.0000000+03:00"), row);
        Assert.Equal(
            [("refund-processor-payments", AcceptedId.ToString("D"), nameof(PaymentAccepted))],
            await processor.QueryAsync<(string, string, string)>("SELECT endpoint, message_id, message_type FROM inbox_messages;"));
    }

    [Fact]
    public async Task Same_message_delivered_three_times_records_one_payment()
    {
        await using var processor = await ProcessorHarness.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            await processor.PublishAsync(Accepted, AcceptedId);
        }

        var finished = await processor.FinishedAsync(AcceptedId, count: 3);
        Assert.Equal(3, finished.Count);
        Assert.All(finished, f => Assert.True(f.Delivered, "a duplicate is acknowledged as consumed, not moved to _skipped"));
        Assert.All(finished, f => Assert.False(f.Faulted));
        Assert.Equal(1L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM payments;"));
        Assert.Equal(1L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.Empty(processor.Harness.Published.Select<Fault<PaymentAccepted>>()); // a fault is published before its receive finishes
    }

    [Fact]
    public async Task Two_message_ids_for_the_same_txid_record_one_payment()
    {
        await using var processor = await ProcessorHarness.StartAsync();
        var firstId = NewId.NextGuid();
        var secondId = NewId.NextGuid();

        await processor.PublishAsync(Accepted, firstId);
        await processor.FinishedAsync(firstId);
        await processor.PublishAsync(Accepted with { Order = "order-other" }, secondId);
        var second = Assert.Single(await processor.FinishedAsync(secondId));

        Assert.True(second.Delivered);
        Assert.False(second.Faulted);
        Assert.Equal(["order-42"], await processor.QueryAsync<string>("SELECT order_ref FROM payments;"));
        Assert.Equal(2L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }

    [Fact]
    public async Task Message_failing_on_every_attempt_is_faulted_and_leaves_no_inbox_record()
    {
        await using var processor = await ProcessorHarness.StartAsync(beforeStart: FailPaymentInserts);

        await processor.PublishAsync(Accepted, AcceptedId);

        Assert.True(await processor.Harness.Published.Any<Fault<PaymentAccepted>>(
            x => x.Context.Message.FaultedMessageId == AcceptedId && x.Context.Message.Message.Txid == Accepted.Txid));
        var fault = processor.Harness.Published.Select<Fault<PaymentAccepted>>().Single().Context.Message;
        Assert.Contains("injected payments fault", fault.Exceptions.Single().Message);
        var finished = Assert.Single(await processor.FinishedAsync(AcceptedId));
        Assert.True(finished.Faulted);
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM payments;"));
    }
}
