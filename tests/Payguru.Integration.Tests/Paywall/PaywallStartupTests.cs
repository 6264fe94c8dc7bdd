using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Paywall;

/// <summary>
/// Paywall is optional: the processor starts without any Paywall setting (and refuses Paywall requests), but a
/// half-filled Paywall section stops its start with a message naming the missing setting and never a value.
/// </summary>
public sealed class PaywallStartupTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Half_filled_Paywall_section_stops_the_processor_naming_the_missing_setting()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var environment = new Dictionary<string, string?>(vhost.ServiceEnvironment())
        {
            // Production: no Development Paywall settings; the Payguru ones are given here.
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Payguru"] = $"Data Source={directory.File("payguru.db")}",
            ["Payguru__MerchantId"] = Demo.MerchantId,
            ["Payguru__MerchantKey"] = Demo.MerchantKey,
            ["Payguru__Services__0__Code"] = Demo.ServiceCode,
            ["Payguru__Services__0__Key"] = Demo.ServiceKey,
            ["Paywall__BaseUrl"] = "http://127.0.0.1:5090",
            ["Paywall__ApiKeyPublic"] = "pw-secret-value",
        };
        await using var processor = ServiceProcess.StartRefundProcessor(environment, directory.Path, output);

        var exitCode = await processor.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        var text = processor.OutputText;
        Assert.Contains("Paywall:MemberBaseUrl is required", text);
        Assert.Contains("Paywall:ApiClientPublic is required", text);
        Assert.DoesNotContain("pw-secret-value", text);
    }

    [Fact]
    public async Task Without_Paywall_settings_the_processor_starts_and_consumes_its_Paywall_queues()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var none = new Dictionary<string, string?>
        {
            ["Paywall__BaseUrl"] = "",
            ["Paywall__MemberBaseUrl"] = "",
            ["Paywall__ApiKeyPublic"] = "",
            ["Paywall__ApiClientPublic"] = "",
        };

        await using var processor = await system.StartProcessorAsync(settings: none);

        await vhost.WaitForQueueAsync(ProcessorQueues.SubMerchants, queue => queue.Consumers > 0, TimeSpan.FromSeconds(30));
        await vhost.WaitForQueueAsync(ProcessorQueues.ClientTokens, queue => queue.Consumers > 0, TimeSpan.FromSeconds(30));
        Assert.False(processor.HasExited);
    }
}
