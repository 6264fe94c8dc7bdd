using System.Globalization;
using Payguru.Bench.Common;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;
using YamlDotNet.RepresentationModel;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// The health checks docker-compose runs inside the service containers (bash's /dev/tcp, an HTTP/1.0
/// request, head and grep: no curl in the .NET images), taken from docker-compose.yml and run here with
/// bash against the real services on their ports: they pass while a service is ready and fail while it
/// is not, so compose's start order waits for what it means to.
/// </summary>
public sealed class ComposeHealthCheckTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const string ContainerAddress = "/dev/tcp/127.0.0.1/8080";
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Processor_check_passes_while_ready_and_fails_while_the_broker_is_cut()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var url = FreePort.NextHttpUrl();
        await using var processor = await new DemoSystem(vhost, directory, output).StartProcessorAsync(proxy, url: url);
        var check = await CheckAsync("processor", new Uri(url).Port);

        await WaitForExitCodeAsync(check, passes: true, "the processor's check to pass while it is ready");
        proxy.Cut();
        await WaitForExitCodeAsync(check, passes: false, "the processor's check to fail while the broker is cut");
        proxy.Restore();
        await WaitForExitCodeAsync(check, passes: true, "the processor's check to pass again once the broker is back");
    }

    [Fact]
    public async Task Gateway_check_passes_while_ready_and_fails_while_the_broker_is_cut()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var (gateway, client) = await new DemoSystem(vhost, directory, output).StartGatewayAsync(proxy);
        await using var _ = gateway;
        using var __ = client;
        var check = await CheckAsync("gateway", client.BaseAddress!.Port);

        await WaitForExitCodeAsync(check, passes: true, "the gateway's check to pass while it is ready");
        proxy.Cut();
        await WaitForExitCodeAsync(check, passes: false, "the gateway's check to fail while the broker is cut");
    }

    [Fact]
    public async Task Sandbox_check_passes_while_it_answers_and_fails_once_it_is_gone()
    {
        var sandbox = await DemoSystem.StartSandboxAsync();
        var check = await CheckAsync("sandbox", new Uri(sandbox.Url).Port);

        await WaitForExitCodeAsync(check, passes: true, "the sandbox's check to pass while it answers");
        await sandbox.DisposeAsync();
        await WaitForExitCodeAsync(check, passes: false, "the sandbox's check to fail once it is gone");
    }

    /// <summary>The service's health-check script from the compose file, pointed at <paramref name="port"/> instead of the container's 8080.</summary>
    static async Task<string> CheckAsync(string service, int port)
    {
        var services = (YamlMappingNode)(await DockerCompose.ResolvedAsync())["services"];
        var test = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)services[service])["healthcheck"])["test"];
        var words = test.Children.Select(node => ((YamlScalarNode)node).Value ?? "").ToList();
        Assert.Equal(["CMD", "bash", "-c"], words[..3]);
        var script = Assert.Single(words[3..]);
        Assert.Contains(ContainerAddress, script);
        return script.Replace(ContainerAddress, $"/dev/tcp/127.0.0.1/{port.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
    }

    static Task<int> WaitForExitCodeAsync(string script, bool passes, string description) =>
        Poll.WaitUntilAsync(
            async _ =>
            {
                await using var check = ServiceProcess.Start("bash", ["-c", script], new Dictionary<string, string?>(), RepoPaths.Root, name: "healthcheck");
                return await check.WaitForExitAsync(TimeSpan.FromSeconds(5));
            },
            exitCode => passes == (exitCode == 0),
            Wait,
            description,
            TimeSpan.FromMilliseconds(250));
}
