using System.Globalization;
using System.Net;
using System.Text.Json;
using Payguru.Bench.Common;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Health;

/// <summary>
/// The real services' readiness follows their RabbitMQ connection: ready once connected, not ready
/// while the broker is cut off (a proxy in between resets every connection), ready again once it is
/// back; live throughout.
/// </summary>
public sealed class BrokerConnectionHealthTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Processor_is_ready_while_connected_not_ready_while_the_broker_is_cut_and_ready_again_after()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var url = FreePort.NextHttpUrl();
        await using var processor = await new DemoSystem(vhost, directory, output).StartProcessorAsync(proxy, url: url);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        await WaitForReadyAsync(client, HttpStatusCode.OK, "ready while connected");
        proxy.Cut();
        var cut = await WaitForReadyAsync(client, HttpStatusCode.ServiceUnavailable, "not ready while the broker is cut off");
        var liveWhileCut = await client.GetAsync("/health/live");
        proxy.Restore();
        await WaitForReadyAsync(client, HttpStatusCode.OK, "ready again once the broker is back");

        using var body = JsonDocument.Parse(cut.Body);
        Assert.NotEqual("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.NotEqual("Healthy", body.RootElement.GetProperty("checks").GetProperty("masstransit-bus").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.DoesNotContain(proxy.Port.ToString(CultureInfo.InvariantCulture), cut.Body);
        Assert.Equal(HttpStatusCode.OK, liveWhileCut.StatusCode);
        Assert.Null(processor.ExitCode);
    }

    [Fact]
    public async Task Gateway_is_ready_while_connected_not_ready_while_the_broker_is_cut_and_ready_again_after()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var (gateway, client) = await new DemoSystem(vhost, directory, output).StartGatewayAsync(proxy);
        await using var _ = gateway;
        using var __ = client;

        await WaitForReadyAsync(client, HttpStatusCode.OK, "ready while connected");
        proxy.Cut();
        var cut = await WaitForReadyAsync(client, HttpStatusCode.ServiceUnavailable, "not ready while the broker is cut off");
        var liveWhileCut = await client.GetAsync("/health/live");
        proxy.Restore();
        await WaitForReadyAsync(client, HttpStatusCode.OK, "ready again once the broker is back");

        using var body = JsonDocument.Parse(cut.Body);
        Assert.NotEqual("Healthy", body.RootElement.GetProperty("checks").GetProperty("masstransit-bus").GetString());
        Assert.Equal(HttpStatusCode.OK, liveWhileCut.StatusCode);
    }

    static Task<(HttpStatusCode Status, string Body)> WaitForReadyAsync(HttpClient client, HttpStatusCode expected, string description) =>
        Poll.WaitUntilAsync(
            async ct =>
            {
                using var response = await client.GetAsync("/health/ready", ct);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            },
            answer => answer.StatusCode == expected,
            Wait,
            $"/health/ready {(int)expected}: {description}",
            TimeSpan.FromMilliseconds(250));
}
