using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The processes under test, from their builds (Release unless told otherwise): the sandbox, the gateway (its broker connection through a
/// <see cref="BrokerPath"/>), processor-1 (through another) and processor-2 (direct), both on one SQLite file, all on
/// the cluster's nodes with quorum queues.
/// </summary>
public sealed class ChaosSystem : IAsyncDisposable
{
    ChaosSystem(ChaosSettings settings)
    {
        Settings = settings;
        GatewayPath = BrokerPath.Start(settings.NodePorts);
        ProcessorPath = BrokerPath.Start(settings.NodePorts);
        GatewayUrl = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}";
        SandboxUrl = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}";

        Sandbox = new ChaosProcess("sandbox", Dll("tools", "Payguru.Sandbox", "Payguru.Sandbox"), ["--urls", SandboxUrl], new Dictionary<string, string>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = GatewayUrl,
            // The driver holds a token of its own; with the default, each of its renewals would end the processors' token.
            ["Sandbox__NewTokenInvalidatesPrevious"] = "false",
            ["Sandbox__Callbacks__Timeout"] = "00:00:08",
            ["Sandbox__Callbacks__RetryDelay"] = "00:00:00.250",
            ["Sandbox__Callbacks__MaxRetryDelay"] = "00:00:02",
        }, settings.Work);
        Gateway = new ChaosProcess("gateway", Dll("services", "Gateway", "Payguru.Gateway"), [], new Dictionary<string, string>(Common(GatewayPath.Ports))
        {
            ["URLS"] = GatewayUrl,
        }, settings.Work);
        Processors =
        [
            Processor("processor-1", ProcessorPath.Ports),
            Processor("processor-2", settings.NodePorts),
        ];
    }

    public ChaosSettings Settings { get; }

    public BrokerPath GatewayPath { get; }

    public BrokerPath ProcessorPath { get; }

    public string GatewayUrl { get; }

    public string SandboxUrl { get; }

    public ChaosProcess Sandbox { get; }

    public ChaosProcess Gateway { get; }

    public IReadOnlyList<ChaosProcess> Processors { get; }

    public IEnumerable<string> ServiceLogs => [Gateway.LogPath, .. Processors.Select(p => p.LogPath)];

    public static ChaosSystem Create(ChaosSettings settings) => new(settings);

    /// <summary>Starts everything and waits until each part answers: the sandbox, both processors consuming, the gateway.</summary>
    public async Task StartAsync(Cluster cluster, CancellationToken abort)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Sandbox.Start();
        await WaitAsync("the sandbox", Sandbox, async () => (await http.GetAsync(SandboxUrl + "/_sandbox/stats", abort)).IsSuccessStatusCode, abort);
        // One after the other: the first creates the database schema.
        foreach (var processor in Processors)
        {
            var consumersBefore = await RefundConsumersAsync(cluster);
            processor.Start();
            await WaitAsync(processor.Name, processor, async () => await RefundConsumersAsync(cluster) > consumersBefore, abort);
        }

        Gateway.Start();
        await WaitAsync("the gateway", Gateway,
            async () => (await http.GetAsync(GatewayUrl + "/PhsNotifyService", abort)).StatusCode == HttpStatusCode.BadRequest, abort);
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        foreach (var processor in Processors)
        {
            processor.Dispose();
        }

        Sandbox.Dispose();
        await GatewayPath.DisposeAsync();
        await ProcessorPath.DisposeAsync();
    }

    ChaosProcess Processor(string name, IEnumerable<int> ports) =>
        new(name, Dll("services", "RefundProcessor", "Payguru.RefundProcessor"), ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string>(Common(ports))
            {
                ["ConnectionStrings__Payguru"] = $"Data Source={Settings.DatabasePath}",
                ["Payguru__BaseUrl"] = SandboxUrl,
                ["Paywall__BaseUrl"] = SandboxUrl,
                ["Paywall__MemberBaseUrl"] = SandboxUrl,
                // Short waits, so that a run of minutes sees each recovery path many times (README, Configuration).
                ["Payguru__RequestTimeout"] = "00:00:03",
                ["Refunds__RecheckAfter"] = "00:00:02",
                ["Refunds__SweepInterval"] = "00:00:01",
                ["Refunds__ReconcileAfter"] = "00:00:15",
                ["Refunds__ReconcileInterval"] = "00:00:05",
                ["Outbox__ClaimTimeout"] = "00:00:10",
                ["Outbox__PublishTimeout"] = "00:00:05",
            },
            Settings.Work);

    static Dictionary<string, string> Common(IEnumerable<int> ports)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["RabbitMq__QueueType"] = "Quorum",
        };
        var node = 0;
        foreach (var port in ports)
        {
            environment[$"RabbitMq__Hosts__{node++}"] = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }

    string Dll(string folder, string project, string assembly) =>
        Path.Combine(Settings.Root, folder, project, "bin", Settings.Configuration, "net10.0", assembly + ".dll");

    static async Task<long> RefundConsumersAsync(Cluster cluster)
    {
        try
        {
            var text = await cluster.CtlAsync(1, "-q", "list_queues", "name", "consumers", "--no-table-headers");
            return text.Split('\n').Select(line => line.Split('\t')).Where(parts => parts.Length == 2 && parts[0] == Payguru.Messaging.Topology.ProcessorQueues.Refunds)
                .Select(parts => long.Parse(parts[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    static async Task WaitAsync(string what, ChaosProcess process, Func<Task<bool>> ready, CancellationToken abort)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (!process.IsRunning)
            {
                throw new InvalidOperationException($"{what} exited during start-up; see {process.LogPath}");
            }

            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!abort.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(500, abort);
        }

        throw new InvalidOperationException($"{what} was not ready within 120 s; see {process.LogPath}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
