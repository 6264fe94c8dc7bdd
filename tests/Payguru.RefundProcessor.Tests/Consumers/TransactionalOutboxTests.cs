using MassTransit;
using MassTransit.Testing;
using Payguru.Contracts.Payments;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// Invariant 4 through the real pipeline: what a consumer publishes through
/// <see cref="Payguru.RefundProcessor.Outbox.PendingMessages"/> is stored in its transaction
/// and sent after the commit, under the given id; a failed handling sends nothing.
/// </summary>
public sealed class TransactionalOutboxTests
{
    [Fact]
    public async Task Message_published_through_the_outbox_is_sent_after_commit_under_its_id()
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<OutboxPublishingConsumer>());
        var probe = new CommittedOutboxProbe(processor.Connections);
        processor.Harness.Bus.ConnectPublishObserver(probe);
        var commandId = NewId.NextGuid();
        var reportId = NewId.NextGuid();

        await processor.PublishAsync(new PublishThroughOutbox(reportId, 777, FailAfterPublishing: false), commandId);

        Assert.True(await processor.Harness.Published.Any<PaymentStatusReported>(
            x => x.Context.MessageId == reportId && x.Context.Message.Txid == 777 && x.Context.Message.Amount == 1.25m));
        Assert.Equal(1L, probe.RowsSeenAtPublish[reportId]); // committed before it was sent
        await Poll.WaitUntilAsync(
            _ => processor.ScalarAsync<long>(
                "SELECT COUNT(*) FROM outbox_messages WHERE message_id = @Id AND sent_at IS NOT NULL;", new { Id = reportId.ToString("D") }),
            sent => sent == 1,
            TimeSpan.FromSeconds(20),
            "the outbox row to be marked sent");
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;"));

        // The processor consumes its own event too: the report arrives with the id it was given.
        var consumed = Assert.Single(await processor.FinishedAsync(reportId));
        Assert.False(consumed.Faulted);
        Assert.Equal(1L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM payment_status_reports WHERE txid = 777 AND status = 7;"));
    }

    [Fact]
    public async Task Message_published_by_a_failing_consumer_is_never_sent()
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<OutboxPublishingConsumer>());
        var commandId = NewId.NextGuid();
        var reportId = NewId.NextGuid();

        await processor.PublishAsync(new PublishThroughOutbox(reportId, 778, FailAfterPublishing: true), commandId);

        Assert.True(await processor.Harness.Published.Any<Fault<PublishThroughOutbox>>(x => x.Context.Message.FaultedMessageId == commandId));
        Assert.Empty(processor.Harness.Published.Select<PaymentStatusReported>(x => x.Context.MessageId == reportId));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages;"));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }
}
