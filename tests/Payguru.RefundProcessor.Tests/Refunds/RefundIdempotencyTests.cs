using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// Invariants 3 and 5 (docs/architecture.md) for RequestRefund: the same RefundRequestId again makes no second refund and
/// gets the same outcome (same refund, same message id); the same message again is dropped by the inbox.
/// </summary>
public sealed class RefundIdempotencyTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Same_request_id_under_a_new_message_id_gets_the_same_RefundSubmitted_and_no_second_create()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 1.00m);

        var firstMessage = await processor.RequestAsync(request);
        var first = await processor.SubmittedAsync(request.RefundRequestId);
        var secondMessage = await processor.RequestAsync(request with { Reason = "retried by the caller" });

        var answers = await processor.PublishedAsync<RefundSubmitted>(m => m.RefundRequestId == request.RefundRequestId, count: 2);
        Assert.NotEqual(firstMessage, secondMessage);
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal(MessageIds.RefundOutcome(request.RefundRequestId, "submitted"), a.MessageId));
        Assert.All(answers, a => Assert.Equal((first.RefundId, first.Order, first.Amount, first.ServiceCode), (a.Message.RefundId, a.Message.Order, a.Message.Amount, a.Message.ServiceCode)));
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(2L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages WHERE message_type = 'RequestRefund';"));
        Assert.Equal(1L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM refunds;"));
    }

    [Fact]
    public async Task Same_request_id_sent_again_while_the_first_is_in_flight_makes_one_refund()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 1.00m);

        var messageIds = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => processor.PublishAsync(request)));
        foreach (var messageId in messageIds)
        {
            Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        }

        var submitted = await processor.SubmittedAsync(request.RefundRequestId);
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.All(processor.Published<RefundSubmitted>(), a => Assert.Equal(submitted.RefundId, a.Message.RefundId));
        Assert.Empty(processor.Published<RefundRejected>());
    }

    [Fact]
    public async Task Same_request_id_with_other_content_gets_the_first_outcome_again()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var invalid = RefundHarness.Request(order, 0m);

        await processor.RequestAsync(invalid);
        await processor.RequestAsync(invalid with { Amount = 1.00m }); // the key decides, not the content

        var answers = await processor.PublishedAsync<RefundRejected>(m => m.RefundRequestId == invalid.RefundRequestId, count: 2);
        Assert.All(answers, a => Assert.Equal(MessageIds.RefundOutcome(invalid.RefundRequestId, "rejected"), a.MessageId));
        Assert.All(answers, a => Assert.Equal((RefundRejectionReasons.InvalidAmount, 0m), (a.Message.Reason, a.Message.Amount)));
        Assert.Empty(processor.Published<RefundSubmitted>());
        Assert.Equal(0, await sandbox.CallsAsync("refund/create"));
    }

    [Fact]
    public async Task Same_message_id_twice_is_handled_once()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 1.00m);
        var messageId = Guid.NewGuid();

        await processor.PublishAsync(request, messageId);
        await processor.FinishedAsync(messageId);
        await processor.SubmittedAsync(request.RefundRequestId);
        await processor.PublishAsync(request, messageId);

        var finished = await processor.FinishedAsync(messageId, count: 2);
        Assert.All(finished, f => Assert.True(f.Delivered && !f.Faulted));
        // Handled again, it would have answered RefundSubmitted a second time.
        Assert.Single(processor.Published<RefundSubmitted>());
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(
            [("refund-processor-refunds", messageId.ToString("D"))],
            await processor.QueryAsync<(string, string)>("SELECT endpoint, message_id FROM inbox_messages WHERE message_type = 'RequestRefund';"));
    }

    [Fact]
    public async Task Same_message_id_of_a_rejected_request_twice_answers_once()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var request = RefundHarness.Request(RefundHarness.NewOrder(), -5m);
        var messageId = Guid.NewGuid();

        await processor.PublishAsync(request, messageId);
        await processor.FinishedAsync(messageId);
        await processor.PublishAsync(request, messageId);
        await processor.FinishedAsync(messageId, count: 2);

        Assert.Single(processor.Published<RefundRejected>());
        Assert.Equal(1L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }
}
