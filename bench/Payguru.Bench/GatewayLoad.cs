using System.Net;
using Payguru.Bench.Common;

namespace Payguru.Bench;

/// <summary>Sends signed payment notifications to the running gateway, as Payguru would (GET with a query string).</summary>
public sealed class GatewayLoad : IDisposable
{
    // Longer than the gateway's own publish timeout (5 s), so a slow answer is measured, not cut off.
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    readonly HttpClient client;

    public GatewayLoad(Uri gatewayUrl, int concurrency)
    {
        client = new HttpClient(new SocketsHttpHandler
        {
            // One keep-alive connection per worker, as a busy Payguru would hold.
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = gatewayUrl,
            Timeout = RequestTimeout,
        };
    }

    /// <summary>Notifies txids first..first+count-1 at <paramref name="concurrency"/>; success is a 200 with the body exactly <c>OK</c>.</summary>
    public Task<LoadResult> RunAsync(long firstTxid, int count, int concurrency, CancellationToken cancellationToken)
    {
        // Signed before the clock starts: the client's MD5 work is not the gateway's latency.
        var now = DateTimeOffset.UtcNow;
        var requests = new string[count];
        for (var i = 0; i < count; i++)
        {
            requests[i] = BenchPayment.Create(firstTxid + i, now).NotificationPathAndQuery();
        }

        return ConcurrentLoad.RunAsync(count, concurrency, (i, ct) => NotifyAsync(requests[i], ct), cancellationToken);
    }

    async Task<string?> NotifyAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(pathAndQuery, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK && body == "OK")
        {
            return null;
        }

        var shortBody = body.Length > 80 ? body[..80] + "…" : body;
        return $"{(int)response.StatusCode} {shortBody.ReplaceLineEndings(" ")}";
    }

    public void Dispose() => client.Dispose();
}
