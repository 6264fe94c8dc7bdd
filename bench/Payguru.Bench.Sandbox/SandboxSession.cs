using System.Net.Http.Json;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Bench.Common;

namespace Payguru.Bench.Sandbox;

/// <summary>
/// The benchmark's view of the sandbox: a fresh state with paid orders, a token of the demo
/// merchant, and refund/create calls the way the refund client will make them.
/// </summary>
public sealed class SandboxSession : IDisposable
{
    // The sandbox's demo configuration (tools/Payguru.Sandbox/appsettings.json).
    const string MerchantId = "123";
    const string MerchantKey = "mk-secret";
    const string ServerIp = "127.0.0.1";
    const string ServiceCode = "DEMO";
    const string Iban = "TR800011100000000036888459";

    readonly HttpClient http;
    readonly SandboxAdmin admin;
    readonly string[] orders;
    readonly bool post;
    string token = "";

    public SandboxSession(BenchSettings settings)
    {
        http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = settings.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = settings.SandboxUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        admin = new SandboxAdmin(http);
        orders = Enumerable.Range(0, settings.Orders).Select(i => $"BENCH-{i}").ToArray();
        post = settings.Post;
    }

    /// <summary>Resets the sandbox, records a payment for every bench order and gets a token.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await admin.ResetAsync(cancellationToken);
        foreach (var order in orders)
        {
            await admin.SeedPaymentAsync(order, "100.00", cancellationToken);
        }

        var key = PayguruKeys.Token(MerchantId, ServerIp, MerchantKey);
        var answer = await http.GetFromJsonAsync<TokenAnswer>($"/phs/getToken?merchant={MerchantId}&key={key}", cancellationToken);
        token = answer is { IsSuccess: true, Token: { } issued } ? issued : throw new InvalidOperationException($"no token: {answer?.Status} {answer?.Message}");
    }

    /// <summary>One refund/create; null when the sandbox answered "000" with a refund id.</summary>
    public async Task<string?> CreateRefundAsync(int i, CancellationToken cancellationToken)
    {
        var order = orders[i % orders.Length];
        using var request = post
            ? new HttpRequestMessage(HttpMethod.Post, "/phs/refund/create")
            {
                Content = new FormUrlEncodedContent([
                    new("code", ServiceCode), new("order", order), new("amount", "1.00"),
                    new("contact[name]", "Bench Customer"), new("contact[iban]", Iban)]),
            }
            : new HttpRequestMessage(HttpMethod.Get,
                $"/phs/refund/create?code={ServiceCode}&order={order}&amount=1.00&contact%5Bname%5D=Bench%20Customer&contact%5Biban%5D={Iban}");
        request.Headers.Add("merchant", MerchantId);
        request.Headers.Add("token", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return $"HTTP {(int)response.StatusCode}";
        }

        var answer = await response.Content.ReadFromJsonAsync<RefundCreateAnswer>(cancellationToken);
        return answer is { IsSuccess: true, RefundId: not null } ? null : $"{answer?.Status} {answer?.Message}";
    }

    /// <summary>How many refunds the sandbox says it created.</summary>
    public async Task<long> RefundsCreatedAsync(CancellationToken cancellationToken) =>
        (await admin.StatsAsync(cancellationToken)).RefundsCreated;

    public void Dispose() => http.Dispose();
}
