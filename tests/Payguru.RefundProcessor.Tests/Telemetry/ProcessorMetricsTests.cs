using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Telemetry;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Telemetry;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Telemetry;

/// <summary>
/// The processor's instruments against the real sandbox: refund outcomes counted once each (a
/// repeated report is not a new outcome), every getToken counted with its outcome, and the outbox
/// backlog read from the database when collected. Recorded whether exported or not: read here as
/// an exporter would, from this processor's meter only.
/// </summary>
public sealed class ProcessorMetricsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Refund_outcomes_and_token_refreshes_are_counted_once_each()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        using var metrics = Record(processor);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await processor.RecordPaymentAsync(order, 10.00m, 9_800_000 + Random.Shared.Next(100_000));

        var accepted = RefundHarness.Request(order, 4.00m);
        await processor.RequestAsync(accepted);
        var refundId = (await processor.SubmittedAsync(accepted.RefundRequestId)).RefundId;
        await processor.RequestAsync(accepted); // asked again: answered again, not a new outcome
        await processor.RequestAsync(RefundHarness.Request(order, 1.00m) with { Iban = "TR370006400012345678987654" });
        await processor.RequestAsync(RefundHarness.Request(order, 7.00m)); // over-refund
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_005", count = 1 });
        var refused = RefundHarness.Request(order, 0.50m);
        await processor.RequestAsync(refused);
        await processor.RejectedAsync(refused.RefundRequestId);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_016", count = 1 });
        var refreshed = RefundHarness.Request(order, 2.00m);
        await processor.RequestAsync(refreshed);
        await processor.SubmittedAsync(refreshed.RefundRequestId);

        await SettleAsync(processor, refundId, order, RefundStatuses.Paid);
        await SettleAsync(processor, refundId, order, RefundStatuses.Updated); // older than the recorded status: ignored

        Assert.Equal(2, metrics.Sum(ProcessorMetrics.Refunds, ("outcome", "submitted")));
        Assert.Equal(1, metrics.Sum(ProcessorMetrics.Refunds, ("outcome", "rejected"), ("reason", RefundRejectionReasons.InvalidIban)));
        Assert.Equal(1, metrics.Sum(ProcessorMetrics.Refunds, ("outcome", "rejected"), ("reason", RefundRejectionReasons.OverRefund)));
        Assert.Equal(1, metrics.Sum(ProcessorMetrics.Refunds, ("outcome", "rejected"), ("reason", RefundRejectionReasons.ProviderError)));
        Assert.Equal(1, metrics.Sum(ProcessorMetrics.Refunds, ("outcome", "settled"), ("status", RefundStatuses.Paid)));
        Assert.True(6 == metrics.Sum(ProcessorMetrics.Refunds), string.Join("; ", metrics.TagSets(ProcessorMetrics.Refunds)));
        // The first token, and the one refresh after ERR_016.
        Assert.Equal(2, await sandbox.CallsAsync("getToken"));
        Assert.Equal(2, metrics.Sum(ProcessorMetrics.TokenRefreshes, ("outcome", "issued")));
        Assert.Equal(0, metrics.Sum(ProcessorMetrics.TokenRefreshes, ("outcome", "failed")));
    }

    [Fact]
    public async Task Refused_getToken_is_counted_as_failed()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox, new Dictionary<string, string?>
        {
            ["Payguru:MerchantKey"] = "not-the-merchant-key",
            // No sweep asking again meanwhile: one request, one getToken.
            ["Refunds:SweepInterval"] = "01:00:00",
        });
        using var metrics = Record(processor);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");

        await processor.RequestAsync(RefundHarness.Request(order, 1.00m));

        Assert.Equal(1, await sandbox.CallsAsync("getToken"));
        Assert.Equal(1, metrics.Sum(ProcessorMetrics.TokenRefreshes, ("outcome", "failed")));
        Assert.Equal(0, metrics.Sum(ProcessorMetrics.TokenRefreshes, ("outcome", "issued")));
        Assert.Equal(0, metrics.Sum(ProcessorMetrics.Refunds));
    }

    [Fact]
    public async Task Outbox_backlog_reports_the_unsent_messages_when_collected()
    {
        // Exported (to where nothing listens): the gauge is there from the meter provider's start, before any message.
        await using var processor = await ProcessorHarness.StartAsync(settings: new Dictionary<string, string?> { [OtlpExport.Endpoint] = FreePort.NextHttpUrl() });
        processor.Services.GetRequiredService<MeterProvider>();
        using var metrics = Record(processor);
        Assert.Equal(0, metrics.Observe(ProcessorMetrics.OutboxBacklog));

        // Two messages another instance wrote and still holds: unsent, not the relay's yet.
        var store = processor.Services.GetRequiredService<OutboxStore>();
        IReadOnlyList<OutboxRecord> records;
        await using (var connection = await processor.Connections.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            records = await store.AddAsync(transaction, [Rejection(), Rejection()], TimeSpan.FromHours(1));
            await transaction.CommitAsync();
        }

        Assert.Equal(2, metrics.Observe(ProcessorMetrics.OutboxBacklog));

        await store.MarkSentAsync([records[0].Sequence], CancellationToken.None);
        Assert.Equal(1, metrics.Observe(ProcessorMetrics.OutboxBacklog));
        await store.MarkSentAsync([records[1].Sequence], CancellationToken.None);
        Assert.Equal(0, metrics.Observe(ProcessorMetrics.OutboxBacklog));
    }

    static MeasurementRecorder Record(ProcessorHarness processor) =>
        new(processor.Services.GetRequiredService<IMeterFactory>(), ProcessorMetrics.MeterName);

    static async Task SettleAsync(ProcessorHarness processor, long refundId, string order, int status)
    {
        var settled = new RefundSettled(refundId, order, null, status, 4.00m, null, null, null, null, null, null);
        var messageId = MessageIds.RefundSettled(refundId, status);
        await processor.PublishAsync(settled, messageId);
        Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
    }

    static OutboxEnvelope Rejection()
    {
        var requestId = Guid.NewGuid();
        var message = new RefundRejected(requestId, "ORDER-1", 1.00m, RefundRejectionReasons.OverRefund, "test", null, DateTimeOffset.UtcNow);
        return OutboxSerializer.Envelope(message, MessageIds.RefundOutcome(requestId, "rejected"));
    }
}
