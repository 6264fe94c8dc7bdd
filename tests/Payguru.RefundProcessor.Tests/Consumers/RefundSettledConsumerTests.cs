using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// RefundSettled recorded in refund_results: a status only moves forwards, and a message id seen
/// before changes nothing (invariant 3, docs/architecture.md), whatever it carries.
/// </summary>
public sealed class RefundSettledConsumerTests
{
    const long RefundId = 4242;

    [Fact]
    public async Task Statuses_are_recorded_forwards_and_a_lower_one_never_moves_it_back()
    {
        await using var processor = await ProcessorHarness.StartAsync();

        await SettleAsync(processor, Settled(RefundStatuses.Updated));
        Assert.Equal([(2L, (string?)null)], await ResultsAsync(processor));

        await SettleAsync(processor, Settled(RefundStatuses.Paid));
        Assert.Equal([(3L, (string?)"Ziraat")], await ResultsAsync(processor));

        // A late status 2 (its own message id, so the inbox lets it through) changes nothing.
        await SettleAsync(processor, Settled(RefundStatuses.Updated) with { BankName = "late" }, Guid.NewGuid());
        Assert.Equal([(3L, (string?)"Ziraat")], await ResultsAsync(processor));

        // The same status again under another id changes nothing either.
        await SettleAsync(processor, Settled(RefundStatuses.Paid) with { BankName = "again" }, Guid.NewGuid());
        Assert.Equal([(3L, (string?)"Ziraat")], await ResultsAsync(processor));
        Assert.Equal(4L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages WHERE message_type = 'RefundSettled';"));
    }

    [Fact]
    public async Task Message_id_seen_before_is_ignored_whatever_it_carries()
    {
        await using var processor = await ProcessorHarness.StartAsync();
        var messageId = MessageIds.RefundSettled(RefundId, RefundStatuses.Updated);

        await SettleAsync(processor, Settled(RefundStatuses.Updated), messageId);
        // A duplicate delivery of that id: were it handled, status 3 would be recorded.
        await processor.PublishAsync(Settled(RefundStatuses.Paid), messageId);
        var finished = await processor.FinishedAsync(messageId, count: 2);

        Assert.All(finished, f => Assert.True(f.Delivered && !f.Faulted));
        Assert.Equal([(2L, (string?)null)], await ResultsAsync(processor));
        Assert.Equal(
            [("refund-processor-refund-results", messageId.ToString("D"))],
            await processor.QueryAsync<(string, string)>("SELECT endpoint, message_id FROM inbox_messages;"));
    }

    [Fact]
    public async Task Paid_result_is_recorded_with_its_fields()
    {
        await using var processor = await ProcessorHarness.StartAsync();

        await SettleAsync(processor, Settled(RefundStatuses.Paid));

        var row = Assert.Single(await processor.QueryAsync<(long RefundId, long Status, string Order, string Amount, string BankName, string BankCode, long BankId, string Receipt, string RefundTime)>(
            "SELECT refund_id, status, order_ref, amount, bank_name, bank_code, bank_id, bank_receipt_no, refund_time FROM refund_results;"));
        Assert.Equal((RefundId, 3L, "ORDER-S", "12.50", "Ziraat", "0010", 10L, "DEKONT4242", "2025-06-01T12:30:00.0000000+03:00"), row);
    }

    static RefundSettled Settled(int status) => new(
        RefundId, "ORDER-S", "PG-1", status, 12.5m,
        status == RefundStatuses.Paid ? "Ziraat" : null,
        status == RefundStatuses.Paid ? "0010" : null,
        status == RefundStatuses.Paid ? 10 : null,
        status == RefundStatuses.Paid ? "DEKONT4242" : null,
        status == RefundStatuses.Paid ? new DateTimeOffset(2025, 6, 1, 12, 30, 0, TimeSpan.FromHours(3)) : null,
        new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(3)));

    static async Task SettleAsync(ProcessorHarness processor, RefundSettled settled, Guid? messageId = null)
    {
        var id = messageId ?? MessageIds.RefundSettled(settled.RefundId, settled.Status);
        var before = processor.Receives.Of(id).Count;
        await processor.PublishAsync(settled, id);
        var finished = await processor.FinishedAsync(id, before + 1);
        Assert.False(finished[^1].Faulted);
    }

    static Task<IReadOnlyList<(long Status, string? BankName)>> ResultsAsync(ProcessorHarness processor) =>
        processor.QueryAsync<(long, string?)>("SELECT status, bank_name FROM refund_results WHERE refund_id = @Id;", new { Id = RefundId });
}
