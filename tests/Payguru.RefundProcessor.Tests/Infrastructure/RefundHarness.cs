using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Infrastructure;

/// <summary>
/// The processor with its refunds (Refit clients, shared token, submitter, sweep, reconciler) on the
/// in-memory harness, calling the real sandbox over HTTP with the demo credentials and short waits.
/// </summary>
public static class RefundHarness
{
    /// <summary>The demo merchant and service, the sandbox's address, a 2 s call timeout and short recovery waits.</summary>
    public static Dictionary<string, string?> Settings(string sandboxUrl) => new()
    {
        ["Payguru:MerchantId"] = Demo.MerchantId,
        ["Payguru:MerchantKey"] = Demo.MerchantKey,
        ["Payguru:ServerIp"] = Demo.ServerIp,
        ["Payguru:Services:0:Code"] = Demo.ServiceCode,
        ["Payguru:Services:0:Key"] = Demo.ServiceKey,
        ["Payguru:BaseUrl"] = sandboxUrl,
        ["Payguru:RequestTimeout"] = "00:00:02",
        ["Refunds:RecheckAfter"] = "00:00:00.500",
        ["Refunds:SweepInterval"] = "00:00:00.200",
        // The reconciliation poller runs once at start (nothing is due then); tests call it themselves.
        ["Refunds:ReconcileInterval"] = "01:00:00",
    };

    /// <param name="overrides">Settings over <see cref="Settings"/>.</param>
    /// <param name="clock">The processor's clock, instead of the system's.</param>
    /// <param name="passes">Counts the passes of the sweep and the other periodic jobs.</param>
    public static Task<ProcessorHarness> StartAsync(
        SandboxFixture sandbox, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? clock = null, JobPasses? passes = null)
    {
        var settings = Settings(sandbox.Url);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return ProcessorHarness.StartAsync(settings: settings, configureServices: services =>
        {
            services.AddProcessorRefunds();
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            passes?.AddTo(services);
        });
    }

    /// <summary>A valid request of <paramref name="amount"/> for <paramref name="order"/>, no service named, to the demo IBAN.</summary>
    public static RequestRefund Request(string order, decimal amount, string? serviceCode = null) =>
        new(Guid.NewGuid(), order, null, serviceCode, amount, "Demo Customer", Demo.Iban, "test");

    /// <summary>A new order reference, unique within the sandbox's life.</summary>
    public static string NewOrder(string prefix = "ORDER") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Publishes the gateway's PaymentAccepted of <paramref name="amount"/> for <paramref name="order"/> and waits until it is recorded.</summary>
    public static async Task RecordPaymentAsync(this ProcessorHarness processor, string order, decimal amount, long txid)
    {
        var accepted = new PaymentAccepted(
            txid, $"PG-{txid}", order, amount, amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), 3,
            new DateTimeOffset(2025, 5, 30, 14, 15, 16, TimeSpan.FromHours(3)), "0062", Demo.ServiceCode);
        var messageId = MessageIds.Payment(txid, 3);
        await processor.PublishAsync(accepted, messageId);
        var finished = Assert.Single(await processor.FinishedAsync(messageId));
        Assert.False(finished.Faulted);
    }

    /// <summary>Publishes <paramref name="request"/> under a new message id and waits until its handling (and the create after it) finished.</summary>
    public static async Task<Guid> RequestAsync(this ProcessorHarness processor, RequestRefund request)
    {
        var messageId = await processor.PublishAsync(request);
        var finished = Assert.Single(await processor.FinishedAsync(messageId));
        Assert.False(finished.Faulted, $"RequestRefund {messageId} faulted: {finished.Exception}");
        return messageId;
    }

    /// <summary>Waits for the RefundSubmitted of <paramref name="requestId"/>.</summary>
    public static async Task<RefundSubmitted> SubmittedAsync(this ProcessorHarness processor, Guid requestId, TimeSpan? timeout = null) =>
        (await processor.PublishedAsync<RefundSubmitted>(m => m.RefundRequestId == requestId, timeout: timeout))[0].Message;

    /// <summary>Waits for the RefundRejected of <paramref name="requestId"/>.</summary>
    public static async Task<RefundRejected> RejectedAsync(this ProcessorHarness processor, Guid requestId, TimeSpan? timeout = null) =>
        (await processor.PublishedAsync<RefundRejected>(m => m.RefundRequestId == requestId, timeout: timeout))[0].Message;

    /// <summary>The <c>refunds</c> row of <paramref name="requestId"/>.</summary>
    public static async Task<RefundRowView> RefundRowAsync(this ProcessorHarness processor, Guid requestId) =>
        Assert.Single(await processor.QueryAsync<RefundRowView>(
            """
            SELECT request_id AS RequestId, order_ref AS "Order", service_code AS ServiceCode, amount AS Amount, contact_name AS ContactName,
                   iban AS Iban, state AS State, refund_id AS RefundId, rejection_reason AS RejectionReason, provider_code AS ProviderCode,
                   attempts AS Attempts
            FROM refunds WHERE request_id = @Id;
            """, new { Id = requestId.ToString("D") }));
}

/// <summary>A <c>refunds</c> row as the tests read it.</summary>
public sealed class RefundRowView
{
    public string RequestId { get; set; } = "";
    public string Order { get; set; } = "";
    public string? ServiceCode { get; set; }
    public string Amount { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Iban { get; set; } = "";
    public string State { get; set; } = "";
    public long? RefundId { get; set; }
    public string? RejectionReason { get; set; }
    public string? ProviderCode { get; set; }
    public long Attempts { get; set; }
}
