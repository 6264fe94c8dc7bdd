using MassTransit;
using MassTransit.Testing;
using Payguru.Contracts.Payments;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// A consumer on a transactional endpoint that uses <c>context.Publish</c> does not go around the outbox: the
/// message is stored in its transaction and sent after the commit under the id the publish gave it, and a failed
/// handling sends nothing. A send to a queue, which the outbox cannot hold, fails the handling instead.
/// </summary>
public sealed class ContextPublishTests
{
    [Fact]
    public async Task Context_publish_is_stored_in_the_transaction_and_sent_after_commit_under_its_id()
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<ContextPublishingConsumer>());
        var probe = new CommittedOutboxProbe(processor.Connections);
        processor.Harness.Bus.ConnectPublishObserver(probe);
        var reportId = NewId.NextGuid();

        await processor.PublishAsync(new PublishThroughContext(reportId, 779, FailAfterPublishing: false));

        var published = Assert.Single(await processor.PublishedAsync<PaymentStatusReported>(r => r.Txid == 779));
        Assert.Equal(reportId, published.MessageId);
        Assert.Equal(2.50m, published.Message.Amount);
        Assert.Equal(1L, probe.RowsSeenAtPublish[reportId]); // committed before it was sent
        await Poll.WaitUntilAsync(
            _ => processor.ScalarAsync<long>(
                "SELECT COUNT(*) FROM outbox_messages WHERE message_id = @Id AND sent_at IS NOT NULL;", new { Id = reportId.ToString("D") }),
            sent => sent == 1,
            TimeSpan.FromSeconds(20),
            "the outbox row to be marked sent");
    }

    [Fact]
    public async Task Context_publish_of_a_failing_consumer_is_never_sent()
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<ContextPublishingConsumer>());
        var reportId = NewId.NextGuid();

        var commandId = await processor.PublishAsync(new PublishThroughContext(reportId, 780, FailAfterPublishing: true));

        // The fault is published when the last attempt has failed: any publish of those attempts would be recorded by then.
        Assert.True(await processor.Harness.Published.Any<Fault<PublishThroughContext>>(x => x.Context.Message.FaultedMessageId == commandId));
        Assert.Empty(processor.Published<PaymentStatusReported>(r => r.Txid == 780));
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
