using System.Net;
using System.Net.Sockets;

namespace Payguru.Bench;

/// <summary>A gateway the bench starts itself, on a free port and a virtual host of its own, for the real-case phases.</summary>
public static class GatewayProcess
{
    public static async Task<(ChildProcess Process, Uri Url)> StartAsync(
        string name, string dll, string virtualHost, string workDirectory, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = ChildProcess.Start(
            name, dll, [], new Dictionary<string, string> { ["URLS"] = url.ToString(), ["RabbitMq__VirtualHost"] = virtualHost }, workDirectory);
        try
        {
            await WaitUntilListeningAsync(process, url, cancellationToken);
            return (process, url);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // It answers 400 to a notification without fields once it listens (as bench/lib.sh's wait_for_gateway).
    static async Task WaitUntilListeningAsync(ChildProcess process, Uri url, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new BenchCouldNotRunException($"the {process.Name} exited during start-up (see its log)");
            }

            try
            {
                using var response = await client.GetAsync("/PhsNotifyService", cancellationToken);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new BenchCouldNotRunException($"the {process.Name} did not answer on {url} within 60 s");
    }
}
