using MassTransit;
using MassTransit.Testing;
using Payguru.Contracts.Payments;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// Invariant 4 (docs/architecture.md) through the real pipeline: what a consumer publishes through
/// <see cref="Payguru.RefundProcessor.Outbox.PendingMessages"/>, or with <c>context.Publish</c> (which must
/// not go around the outbox), is stored in its transaction and sent after the commit, under the given id; a
/// failed handling sends nothing. A send to a queue, which the outbox cannot hold, fails the handling instead.
/// </summary>
public sealed class TransactionalOutboxTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Message_published_through_the_outbox_is_sent_after_commit_under_its_id(bool throughContext)
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<OutboxPublishingConsumer>());
        var probe = new CommittedOutboxProbe(processor.Connections);
        processor.Harness.Bus.ConnectPublishObserver(probe);
        var commandId = NewId.NextGuid();
        var reportId = NewId.NextGuid();

        await processor.PublishAsync(new PublishThroughOutbox(reportId, 777, FailAfterPublishing: false, throughContext), commandId);

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Message_published_by_a_failing_consumer_is_never_sent(bool throughContext)
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<OutboxPublishingConsumer>());
        var commandId = NewId.NextGuid();
        var reportId = NewId.NextGuid();

        await processor.PublishAsync(new PublishThroughOutbox(reportId, 778, FailAfterPublishing: true, throughContext), commandId);

        Assert.True(await processor.Harness.Published.Any<Fault<PublishThroughOutbox>>(x => x.Context.Message.FaultedMessageId == commandId));
        Assert.Empty(processor.Harness.Published.Select<PaymentStatusReported>(x => x.Context.MessageId == reportId));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages;"));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }

    [Fact]
    public async Task Send_to_a_queue_inside_the_transaction_fails_the_handling()
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<QueueSendingConsumer>());

        var commandId = await processor.PublishAsync(new SendAroundOutbox(781));

        Assert.True(await processor.Harness.Published.Any<Fault<SendAroundOutbox>>(x => x.Context.Message.FaultedMessageId == commandId));
        var fault = processor.Harness.Published.Select<Fault<SendAroundOutbox>>().Single().Context.Message;
        Assert.Contains("only publishes are stored with its transaction", Assert.Single(fault.Exceptions).Message);
        Assert.Empty(processor.Harness.Sent.Select<PaymentStatusReported>());
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }
}
