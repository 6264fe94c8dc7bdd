using Payguru.Bench.Common;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>
/// The gateway and the processor as real processes with the demo credentials, on one virtual
/// host (directly or through a proxy), the processor on its own SQLite file or on <paramref name="database"/>.
/// </summary>
public sealed class DemoSystem(RabbitMqVirtualHost vhost, TempDirectory directory, ITestOutputHelper output, ProcessorDatabase? database = null)
{
    public ProcessorDatabase Database { get; } = database ?? new SqliteProbe(directory.File("payguru.db"));

    /// <summary>The processor's SQLite file, for the tests that only run on SQLite.</summary>
    public SqliteProbe Sqlite => Database as SqliteProbe ?? throw new InvalidOperationException($"The processor runs on {Database}, not on SQLite.");

    public static IReadOnlyDictionary<string, string?> Development { get; } = new Dictionary<string, string?>
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
    };

    /// <summary>Starts the gateway on a free port and waits until it listens.</summary>
    public async Task<(ServiceProcess Process, HttpClient Client)> StartGatewayAsync(
        TcpProxy? brokerProxy = null, IReadOnlyDictionary<string, string?>? settings = null, string? url = null)
    {
        url ??= FreePort.NextHttpUrl();
        var process = ServiceProcess.StartGateway(
            Environment(brokerProxy, settings), directory.Path, output, ["--urls", url]);
        await process.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
        return (process, new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) });
    }

    /// <summary>
    /// Starts the processor and waits until it consumes the payments queue. Its health endpoints listen on
    /// <paramref name="url"/>, by default a free port (several instances run at once).
    /// </summary>
    public async Task<ServiceProcess> StartProcessorAsync(
        TcpProxy? brokerProxy = null, IReadOnlyDictionary<string, string?>? settings = null, string? url = null)
    {
        var environment = new Dictionary<string, string?>(Environment(brokerProxy, settings));
        foreach (var (name, value) in Database.ProcessorSettings)
        {
            environment[name] = value;
        }

        var process = ServiceProcess.StartRefundProcessor(
            environment, directory.Path, output, ["--urls", url ?? FreePort.NextHttpUrl()]);
        await vhost.WaitForQueueAsync(ProcessorQueues.Payments, queue => queue.Consumers > 0, TimeSpan.FromSeconds(60));
        return process;
    }

    /// <summary>
    /// Waits until <paramref name="instances"/> processors consume <paramref name="queue"/>: starting the second
    /// instance returns once the first consumes, and work sent before the second consumes all goes to the first.
    /// </summary>
    public Task WaitForInstancesAsync(string queue, int instances) =>
        vhost.WaitForQueueAsync(queue, info => info.Consumers >= instances, TimeSpan.FromSeconds(60));

    /// <summary>
    /// Starts the sandbox on a free port, its callbacks going to <paramref name="gatewayUrl"/> (by
    /// default nowhere) and retried quickly.
    /// </summary>
    public static Task<RunningSandbox> StartSandboxAsync(string? gatewayUrl = null) =>
        RunningSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = gatewayUrl ?? FreePort.NextHttpUrl(),
            ["Sandbox__Callbacks__RetryDelay"] = "00:00:00.200",
            ["Sandbox__Callbacks__MaxRetryDelay"] = "00:00:01",
        });

    /// <summary>
    /// Processor settings for refunds against <paramref name="sandbox"/>, with short waits so that the
    /// recovery paths (recheck after an unknown outcome, the sweep) run within a test.
    /// </summary>
    public static Dictionary<string, string?> RefundSettings(RunningSandbox sandbox) => new()
    {
        ["Payguru__BaseUrl"] = sandbox.Url,
        ["Payguru__RequestTimeout"] = "00:00:02",
        ["Refunds__RecheckAfter"] = "00:00:01",
        ["Refunds__SweepInterval"] = "00:00:00.250",
    };

    /// <summary>Processor settings for Paywall at <paramref name="sandbox"/> (demo credentials from Development), with short waits.</summary>
    public static Dictionary<string, string?> PaywallSettings(RunningSandbox sandbox) => new()
    {
        ["Paywall__BaseUrl"] = sandbox.Url,
        ["Paywall__MemberBaseUrl"] = sandbox.Url,
        ["Paywall__RequestTimeout"] = "00:00:02",
        ["SubMerchants__RecheckAfter"] = "00:00:01",
        ["SubMerchants__SweepInterval"] = "00:00:00.250",
    };

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
