using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Refunds;

/// <summary>
/// Invariant 7 (docs/architecture.md): two processor instances share one token through the database. Many concurrent
/// refunds cause one <c>getToken</c>; when Payguru ends every token, one refresh follows, not one per call.
/// </summary>
public sealed class SharedTokenTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Concurrent_refunds_on_two_instances_share_one_token_and_a_storm_causes_one_refresh()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-T", "1000.00");
        for (var i = 0; i < 64; i++)
        {
            await admin.SeedPaymentAsync($"ORDER-T{i}", "10.00");
        }

        var system = new DemoSystem(vhost, directory, output);
        var settings = DemoSystem.RefundSettings(sandbox);
        // getToken is counted here, and one the resilience handler gives up on is sent again: the sandbox counts both.
        // A process's first call (JIT, connections) can pass RefundSettings' 2 s on a loaded machine; with a 2.5 s
        // latency fault the wave counted 2. Nothing here is about timeouts: each call gets the time a loaded machine needs.
        settings["Payguru__RequestTimeout"] = "00:00:30";
        await using var first = await system.StartProcessorAsync(settings: settings);
        await using var second = await system.StartProcessorAsync(settings: settings);
        await system.WaitForInstancesAsync(ProcessorQueues.Refunds, 2);
        await using var events = await RefundEvents.StartAsync(vhost);

        var wave = Enumerable.Range(0, 64).Select(i => Request($"ORDER-T{i}")).ToList();
        await Task.WhenAll(wave.Select(events.SendAsync));
        await Task.WhenAll(wave.Select(r => events.WaitForSubmittedAsync(r.RefundRequestId)));

        var stats = await admin.StatsAsync();
        Assert.Equal(1, stats.GetProperty("calls").GetProperty("getToken").GetInt32());
        Assert.Equal(64, stats.GetProperty("refundsCreated").GetInt32());
        // Both instances did part of the work with that one token.
        Assert.Contains("submitted as Payguru refund", first.OutputText);
        Assert.Contains("submitted as Payguru refund", second.OutputText);

        // The storm: every token ends; the next 64 calls all meet ERR_016 at first.
        await admin.PostJsonAsync("/_sandbox/tokens/invalidate", null);
        var storm = Enumerable.Range(0, 64).Select(i => Request($"ORDER-T{i}")).ToList();
        await Task.WhenAll(storm.Select(events.SendAsync));
        await Task.WhenAll(storm.Select(r => events.WaitForSubmittedAsync(r.RefundRequestId)));

        stats = await admin.StatsAsync();
        Assert.Equal(2, stats.GetProperty("calls").GetProperty("getToken").GetInt32());
        Assert.Equal(128, stats.GetProperty("refundsCreated").GetInt32());
    }

    static RequestRefund Request(string order) => new(Guid.NewGuid(), order, null, null, 1.00m, "Demo Customer", Demo.Iban, "token");
}
