using Payguru.Integration.Tests.Infrastructure;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>
/// The gateway and the processor as real processes with the demo credentials, on one virtual
/// host (directly or through a proxy), the processor on its own SQLite file.
/// </summary>
public sealed class DemoSystem(RabbitMqVirtualHost vhost, TempDirectory directory, ITestOutputHelper output)
{
    public SqliteProbe Database { get; } = new(directory.File("payguru.db"));

    public static IReadOnlyDictionary<string, string?> Development { get; } = new Dictionary<string, string?>
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
    };

    /// <summary>Starts the gateway on a free port and waits until it listens.</summary>
    public async Task<(ServiceProcess Process, HttpClient Client)> StartGatewayAsync(
        TcpProxy? brokerProxy = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var url = FreePort.NextHttpUrl();
        var process = ServiceProcess.StartGateway(
            Environment(brokerProxy, settings), directory.Path, output, ["--urls", url]);
        await process.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
        return (process, new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) });
    }

    /// <summary>Starts the processor and waits until it consumes the payments queue.</summary>
    public async Task<ServiceProcess> StartProcessorAsync(
        TcpProxy? brokerProxy = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>(Environment(brokerProxy, settings))
        {
            ["ConnectionStrings__Payguru"] = Database.WriterConnectionString,
        };
        var process = ServiceProcess.StartRefundProcessor(environment, directory.Path, output);
        await vhost.WaitForQueueAsync(ProcessorQueues.Payments, queue => queue.Consumers > 0, TimeSpan.FromSeconds(60));
        return process;
    }

    IReadOnlyDictionary<string, string?> Environment(TcpProxy? brokerProxy, IReadOnlyDictionary<string, string?>? settings)
    {
        var environment = new Dictionary<string, string?>(
            brokerProxy is null ? vhost.ServiceEnvironment() : vhost.ServiceEnvironment(brokerProxy.Host, brokerProxy.Port));
        foreach (var (name, value) in Development.Concat(settings ?? new Dictionary<string, string?>()))
        {
            environment[name] = value;
        }

        return environment;
    }
}
