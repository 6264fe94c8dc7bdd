using MassTransit;
using MassTransit.Testing;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>Each attempt of a message is one whole transaction: a failed attempt leaves neither state nor inbox record.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task Failed_attempt_rolls_back_its_state_and_inbox_record_so_the_retry_does_the_work()
    {
        await using var processor = await ProcessorHarness.StartAsync(x => x.AddConsumer<FailingOnceConsumer>());
        var messageId = NewId.NextGuid();

        await processor.PublishAsync(new RecordPaymentFailingOnce(31337), messageId);

        var finished = Assert.Single(await processor.FinishedAsync(messageId));
        Assert.True(finished.Delivered);
        Assert.False(finished.Faulted);
        // Had the first attempt committed, its row would say attempt-0 and the retry would have been dropped as a duplicate.
        Assert.Equal(["attempt-1"], await processor.QueryAsync<string>("SELECT order_ref FROM payments WHERE txid = 31337;"));
        Assert.Equal(
            [(messageId.ToString("D"), nameof(RecordPaymentFailingOnce))],
            await processor.QueryAsync<(string, string)>("SELECT message_id, message_type FROM inbox_messages;"));
        Assert.Empty(processor.Harness.Published.Select<Fault<RecordPaymentFailingOnce>>()); // a fault is published before its receive finishes
    }
}
