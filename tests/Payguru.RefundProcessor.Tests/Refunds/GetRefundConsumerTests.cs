using MassTransit;
using MassTransit.Testing;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// GetRefund through the request client: where a request stands (pending, submitted, rejected,
/// paid, as GetRefundConsumer maps the record's state and Payguru's status), RefundNotFound for an
/// unknown id; read-only, so it leaves no inbox record.
/// </summary>
public sealed class GetRefundConsumerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Unknown_request_id_is_not_found()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var requestId = Guid.NewGuid();

        var response = await AskAsync(processor, requestId);

        Assert.True(response.Is(out Response<RefundNotFound>? notFound));
        Assert.Equal(requestId, notFound!.Message.RefundRequestId);
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }

    [Fact]
    public async Task Rejected_request_is_rejected_with_its_reason()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var request = RefundHarness.Request(RefundHarness.NewOrder(), 1.005m);
        await processor.RequestAsync(request);

        var state = await StateAsync(processor, request.RefundRequestId);

        Assert.Equal((RefundStateNames.Rejected, RefundRejectionReasons.InvalidAmount, (long?)null, (int?)null), (state.State, state.RejectionReason, state.RefundId, state.ProviderStatus));
        Assert.Equal((request.Order, 1.005m), (state.Order, state.Amount));
        Assert.False(string.IsNullOrEmpty(state.RejectionMessage));
    }

    [Fact]
    public async Task Submitted_request_is_submitted_until_Payguru_reports_it_paid()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 7.25m);
        await processor.RequestAsync(request);
        var submitted = await processor.SubmittedAsync(request.RefundRequestId);

        var state = await StateAsync(processor, request.RefundRequestId);
        Assert.Equal((RefundStateNames.Submitted, (long?)submitted.RefundId, (int?)null, order, 7.25m), (state.State, state.RefundId, state.ProviderStatus, state.Order, state.Amount));
        Assert.Null(state.RejectionReason);
        Assert.True(state.UpdatedAt >= state.RequestedAt);

        await SettleAsync(processor, submitted, RefundStatuses.Updated);
        state = await StateAsync(processor, request.RefundRequestId);
        Assert.Equal((RefundStateNames.Submitted, (int?)RefundStatuses.Updated), (state.State, state.ProviderStatus));

        await SettleAsync(processor, submitted, RefundStatuses.Paid);
        state = await StateAsync(processor, request.RefundRequestId);
        Assert.Equal((RefundStateNames.Paid, (int?)RefundStatuses.Paid, (long?)submitted.RefundId), (state.State, state.ProviderStatus, state.RefundId));
    }

    [Fact]
    public async Task Accepted_and_mid_attempt_requests_are_pending()
    {
        // A long sweep interval, and the accepted one waits behind its order's attempt: neither moves during the test.
        await using var processor = await RefundHarness.StartAsync(sandbox, new Dictionary<string, string?> { ["Refunds:SweepInterval"] = "01:00:00" });
        var creating = Guid.NewGuid();
        var accepted = Guid.NewGuid();
        await processor.ExecuteAsync(
            """
            INSERT INTO refunds (request_id, order_ref, service_code, amount, contact_name, iban, state, attempt_owner, attempt_expires_at, attempts, requested_at, updated_at)
            VALUES (@Creating, 'ORDER-P', 'DEMO', '1.00', 'Demo Customer', 'TR800011100000000036888459', 'creating', 'elsewhere', @Far, 1, @At, @At),
                   (@Accepted, 'ORDER-P', 'DEMO', '2.00', 'Demo Customer', 'TR800011100000000036888459', 'accepted', NULL, NULL, 0, @At, @At);
            """,
            new
            {
                Creating = creating.ToString("D"),
                Accepted = accepted.ToString("D"),
                Far = DateTimeOffset.UtcNow.AddHours(1),
                At = DateTimeOffset.UtcNow.ToString("O"),
            });

        var first = await StateAsync(processor, creating);
        var second = await StateAsync(processor, accepted);

        Assert.Equal((RefundStateNames.Pending, (long?)null, 1.00m), (first.State, first.RefundId, first.Amount));
        Assert.Equal((RefundStateNames.Pending, (long?)null, 2.00m), (second.State, second.RefundId, second.Amount));
        Assert.Equal(0, await sandbox.CallsAsync("refund/create"));
    }

    [Fact]
    public async Task Queries_leave_no_inbox_record()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var request = RefundHarness.Request(RefundHarness.NewOrder(), 0m);
        await processor.RequestAsync(request);
        var inboxBefore = await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;");

        for (var i = 0; i < 3; i++)
        {
            await StateAsync(processor, request.RefundRequestId);
            await AskAsync(processor, Guid.NewGuid());
        }

        Assert.Equal(1L, inboxBefore);
        Assert.Equal(inboxBefore, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages WHERE message_type = 'GetRefund' OR endpoint = 'refund-processor-queries';"));
    }

    static async Task<Response<RefundState, RefundNotFound>> AskAsync(ProcessorHarness processor, Guid requestId)
    {
        var client = processor.Harness.GetRequestClient<GetRefund>();
        return await client.GetResponse<RefundState, RefundNotFound>(new GetRefund(requestId), timeout: RequestTimeout.After(s: 10));
    }

    static async Task<RefundState> StateAsync(ProcessorHarness processor, Guid requestId)
    {
        var response = await AskAsync(processor, requestId);
        Assert.True(response.Is(out Response<RefundState>? state), $"expected RefundState, got {response.Message}");
        return state!.Message;
    }

    static async Task SettleAsync(ProcessorHarness processor, RefundSubmitted submitted, int status)
    {
        var messageId = MessageIds.RefundSettled(submitted.RefundId, status);
        await processor.PublishAsync(
            new RefundSettled(submitted.RefundId, submitted.Order, submitted.PayguruCode, status, submitted.Amount, null, null, null, null, null, null),
            messageId);
        Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
    }
}
