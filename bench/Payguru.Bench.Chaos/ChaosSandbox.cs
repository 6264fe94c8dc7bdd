using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The sandbox as the driver uses it: Payguru's own calls with a token of the driver's (test transactions, the
/// refunds of an order), and the admin API (faults, end of day, identity checks, counters).
/// </summary>
public sealed class ChaosSandbox(HttpClient http)
{
    // The demo merchant's token key, md5(merchant + server IP + merchant key) (docs/protocol.md).
    static readonly string TokenKey = PayguruKeys.Token(DemoCredentials.MerchantId, "127.0.0.1", DemoCredentials.MerchantKey);

    readonly SemaphoreSlim _tokenGate = new(1, 1);
    string? _token;

    /// <summary>Every token the driver was given: none may appear in a service's log.</summary>
    public List<string> TokensSeen { get; } = [];

    /// <summary>
    /// A payment made through Payguru's test transaction: the sandbox notifies the gateway, answers with the gateway's
    /// answer (502 without one, 202 while a reordering fault holds it) and retries until the gateway answers OK.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Answer)> TestTransactionAsync(string order, string amount, string? tckno, CancellationToken cancellationToken)
    {
        var query = $"/phs/transaction/test?code={DemoCredentials.ServiceCode}&ref=PG-{Uri.EscapeDataString(order)}&amount={amount}&order={Uri.EscapeDataString(order)}"
            + (tckno is null ? "" : $"&tckno={tckno}");
        for (var attempt = 0; ; attempt++)
        {
            using var request = await AuthenticatedAsync(HttpMethod.Get, query, cancellationToken);
            using var answer = await http.SendAsync(request, cancellationToken);
            var body = await answer.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("ERR_016", StringComparison.Ordinal) && attempt < 5)
            {
                await RenewTokenAsync(request.Headers.GetValues("token").Single(), cancellationToken);
                continue;
            }

            return (answer.StatusCode, body);
        }
    }

    /// <summary>The order's refunds as Payguru shows them (a token storm may cost one renewal).</summary>
    public async Task<IReadOnlyList<RefundDetail>> RefundsOfOrderAsync(string order, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = await AuthenticatedAsync(HttpMethod.Get, $"/phs/refund/getByOrder?order={Uri.EscapeDataString(order)}", cancellationToken);
            using var answer = await http.SendAsync(request, cancellationToken);
            var refunds = await answer.Content.ReadFromJsonAsync<RefundsByOrderAnswer>(cancellationToken)
                ?? throw new InvalidOperationException("refund/getByOrder answered nothing");
            if (refunds.Status == "ERR_016" && attempt < 5)
            {
                await RenewTokenAsync(request.Headers.GetValues("token").Single(), cancellationToken);
                continue;
            }

            if (refunds.Status != "000")
            {
                throw new InvalidOperationException($"refund/getByOrder for {order} answered {refunds.Status} {refunds.Message}");
            }

            return refunds.Data ?? [];
        }
    }

    public async Task SeedPaymentAsync(string order, string amount, CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsJsonAsync("/_sandbox/payments", new { order, amount }, cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>Adds a fault (tools/Payguru.Sandbox/README.md, Faults) and answers its id.</summary>
    public async Task<int> AddFaultAsync(object fault, CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsJsonAsync("/_sandbox/faults", fault, cancellationToken);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt32();
    }

    /// <summary>What is left of a counted fault; null once it is used up (it leaves the list).</summary>
    public async Task<int?> FaultRemainingAsync(int id, CancellationToken cancellationToken)
    {
        var faults = await http.GetFromJsonAsync<JsonElement>("/_sandbox/faults", cancellationToken);
        foreach (var fault in faults.EnumerateArray())
        {
            if (fault.GetProperty("id").GetInt32() == id)
            {
                return fault.TryGetProperty("remaining", out var remaining) && remaining.ValueKind == JsonValueKind.Number ? remaining.GetInt32() : int.MaxValue;
            }
        }

        return null;
    }

    public async Task RemoveFaultAsync(int id, CancellationToken cancellationToken)
    {
        using var answer = await http.DeleteAsync($"/_sandbox/faults/{id}", cancellationToken);
        // 404: it was used up meanwhile.
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var answer = await http.DeleteAsync("/_sandbox/faults", cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    public Task FlushCallbacksAsync(CancellationToken cancellationToken) => PostAsync("/_sandbox/callbacks/flush", cancellationToken);

    public Task InvalidateTokensAsync(CancellationToken cancellationToken) => PostAsync("/_sandbox/tokens/invalidate", cancellationToken);

    /// <summary>End of day with pay=true: every refund still at 1 or 2 is paid, and each change is notified.</summary>
    public Task EndOfDayAsync(CancellationToken cancellationToken) => PostAsync("/_sandbox/end-of-day?pay=true", cancellationToken);

    /// <summary>Payguru's identity check of the order's payment: verify, then verified or unverified.</summary>
    public async Task<JsonElement> IdentityCheckAsync(string order, CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsJsonAsync("/_sandbox/identity/verify", new { order }, cancellationToken);
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    public Task<JsonElement> StatsAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<JsonElement>("/_sandbox/stats", cancellationToken);

    async Task PostAsync(string path, CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsync(path, null, cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    async Task<HttpRequestMessage> AuthenticatedAsync(HttpMethod method, string pathAndQuery, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Add("merchant", DemoCredentials.MerchantId);
        request.Headers.Add("token", await TokenAsync(null, cancellationToken));
        return request;
    }

    Task RenewTokenAsync(string refused, CancellationToken cancellationToken) => TokenAsync(refused, cancellationToken);

    /// <summary>The driver's token; a new one only when the one in use was refused (one renewal for many callers).</summary>
    async Task<string> TokenAsync(string? refused, CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _token != refused)
            {
                return _token;
            }

            var answer = await http.GetFromJsonAsync<JsonElement>($"/phs/getToken?merchant={DemoCredentials.MerchantId}&key={TokenKey}", cancellationToken);
            _token = answer.GetProperty("token").GetString() ?? throw new InvalidOperationException("getToken answered no token");
            lock (TokensSeen)
            {
                TokensSeen.Add(_token);
            }

            return _token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }
}
