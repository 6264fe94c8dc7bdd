using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// Invariant 8 (docs/architecture.md) across the refund paths (accepted, rejected, over-refund, lost answer, ERR_016 and
/// refresh, a refused token): keys, tokens, full IBANs and contact names never reach the logs.
/// </summary>
public sealed class SecretsInLogsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    const string ContactName = "Ayşe Yılmaz";
    const string SpacedIban = "TR80 0011 1000 0000 0036 8884 59";
    const string InvalidIban = "TR370006400012345678987654";

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Refund_paths_log_no_key_token_full_IBAN_or_contact_name()
    {
        var logs = new CapturedLogs();
        var settings = RefundHarness.Settings(sandbox.Url);
        await using var processor = await ProcessorHarness.StartAsync(settings: settings, configureServices: services =>
        {
            services.AddProcessorRefunds();
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Debug);
        });
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await processor.RecordPaymentAsync(order, 10.00m, 9_900_000 + Random.Shared.Next(100_000));
        var tokens = new List<string>();

        var accepted = Request(order, 4.00m);
        await processor.RequestAsync(accepted);
        await processor.SubmittedAsync(accepted.RefundRequestId);
        tokens.Add(await processor.ScalarAsync<string>("SELECT token FROM payguru_tokens;"));

        await processor.RequestAsync(Request(order, 1.00m) with { Iban = InvalidIban });
        await processor.RequestAsync(Request(order, 1.00m) with { ServiceCode = "NOPE" });
        await processor.RequestAsync(Request(order, 7.00m)); // over-refund

        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_016", count = 1 });
        var refreshed = Request(order, 2.00m);
        await processor.RequestAsync(refreshed);
        await processor.SubmittedAsync(refreshed.RefundRequestId);
        tokens.Add(await processor.ScalarAsync<string>("SELECT token FROM payguru_tokens;"));

        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "drop", count = 1 });
        var lost = Request(order, 1.50m);
        await processor.RequestAsync(lost);
        await processor.SubmittedAsync(lost.RefundRequestId);

        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_005", count = 1 });
        var refused = Request(order, 0.50m);
        await processor.RequestAsync(refused);
        await processor.RejectedAsync(refused.RefundRequestId);

        var text = logs.Text;
        Assert.Contains("****8459", text); // the masked form is what is logged
        Assert.Contains("Got a new Payguru token", text);
        foreach (var secret in new[] { Demo.MerchantKey, Demo.ServiceKey, Demo.TokenKey, Demo.Iban, SpacedIban, InvalidIban, ContactName }.Concat(tokens))
        {
            var index = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
            Assert.True(index < 0, index < 0 ? "" : $"the logs hold a secret or personal datum: {Around(text, index, secret)}");
        }
    }

    static RequestRefund Request(string order, decimal amount) =>
        RefundHarness.Request(order, amount) with { ContactName = ContactName, Iban = SpacedIban };

    static string Around(string text, int index, string secret)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)].Replace(secret, "<…>", StringComparison.OrdinalIgnoreCase);
    }
}
