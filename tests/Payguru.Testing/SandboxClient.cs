using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Provider.Wire;

namespace Payguru.Testing;

/// <summary>
/// Talks to a running sandbox over HTTP the way a merchant's server would (headers <c>merchant</c>
/// and <c>token</c>, parameters in the query string or a form), plus its admin API.
/// </summary>
public sealed class SandboxClient : IDisposable
{
    public SandboxClient(string baseUrl, TimeSpan? timeout = null)
    {
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http { get; }

    public Task<TokenAnswer> GetTokenAsync(string merchant = Demo.MerchantId, string? key = null) =>
        GetAsync<TokenAnswer>("/phs/getToken", token: null, merchant: null, ("merchant", merchant), ("key", key ?? Demo.TokenKey));

    /// <summary>A fresh token of the demo merchant (or of <paramref name="merchant"/> with its <paramref name="key"/>).</summary>
    public async Task<string> NewTokenAsync(string merchant = Demo.MerchantId, string? key = null)
    {
        var answer = await GetTokenAsync(merchant, key);
        Require(answer.Status == PayguruStatusCodes.Success, $"expected status 000, got {answer.Status} {answer.Message}");
        return answer.Token!;
    }

    /// <summary>GET with the parameters in the query string and, when a token is given, the auth headers.</summary>
    public async Task<T> GetAsync<T>(string path, string? token, string? merchant = Demo.MerchantId, params (string Name, string Value)[] fields)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token, merchant, fields);
        return await ReadAsync<T>(response);
    }

    /// <summary>POST with the parameters as a form.</summary>
    public async Task<T> PostFormAsync<T>(string path, string? token, string? merchant = Demo.MerchantId, params (string Name, string Value)[] fields)
    {
        using var response = await SendAsync(HttpMethod.Post, path, token, merchant, fields);
        return await ReadAsync<T>(response);
    }

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, string? merchant, (string Name, string Value)[] fields, CancellationToken cancellationToken = default)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)).ToList();
        var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, path + QueryString(pairs))
            : new HttpRequestMessage(method, path) { Content = new FormUrlEncodedContent(pairs) };
        if (merchant is not null)
        {
            request.Headers.Add("merchant", merchant);
        }

        if (token is not null)
        {
            request.Headers.Add("token", token);
        }

        return Http.SendAsync(request, cancellationToken);
    }

    public Task<RefundCreateAnswer> CreateRefundAsync(
        string token, string order, string amount = "1.00", string code = Demo.ServiceCode, string merchant = Demo.MerchantId) =>
        GetAsync<RefundCreateAnswer>(
            "/phs/refund/create", token, merchant,
            ("code", code), ("order", order), ("amount", amount), ("contact[name]", "Qwe ASD"), ("contact[iban]", Demo.Iban));

    /// <summary>Creates a refund that must succeed; returns its id.</summary>
    public async Task<long> CreatedRefundAsync(string token, string order, string amount = "1.00")
    {
        var answer = await CreateRefundAsync(token, order, amount);
        Require(answer.Status == PayguruStatusCodes.Success, $"expected status 000, got {answer.Status} {answer.Message}");
        return long.Parse(answer.RefundId!);
    }

    public Task<RefundGetAnswer> GetRefundAsync(string token, long id) =>
        GetAsync<RefundGetAnswer>("/phs/refund/get", token, Demo.MerchantId, ("id", id.ToString()));

    public Task<RefundsByOrderAnswer> GetRefundsByOrderAsync(string token, string order) =>
        GetAsync<RefundsByOrderAnswer>("/phs/refund/getByOrder", token, Demo.MerchantId, ("order", order));

    /// <summary>
    /// Creates a Paywall member with the demo credentials, as another system holding the same Paywall account
    /// would; returns Paywall's envelope (HTTP 200 when made, 409 when the external id exists).
    /// </summary>
    public async Task<JsonElement> PostPaywallMemberAsync(string memberExternalId, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/paywall/member")
        {
            Content = JsonContent.Create(new
            {
                IsSubMerchant = true,
                MemberType = 1,
                MemberExternalId = memberExternalId,
                MemberName = "Other",
                MemberTitle = "Other Ltd",
                MemberEmail = "other@example.com",
            }),
        };
        request.Headers.Add("apikeypublic", Demo.PaywallKeyPublic);
        request.Headers.Add("apiclientpublic", Demo.PaywallClientPublic);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Require(response.StatusCode == expected, $"POST /api/paywall/member: expected {expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // ---- admin ----

    public async Task ResetAsync()
    {
        using var response = await Http.PostAsync("/_sandbox/reset", null);
        Require(response.StatusCode == HttpStatusCode.NoContent, $"expected 204, got {(int)response.StatusCode}");
    }

    /// <summary>A payment Payguru knows of, so that refunds of <paramref name="order"/> work.</summary>
    public Task<JsonElement> SeedPaymentAsync(string order, string amount = "10.50", string? code = null, string? merchant = null) =>
        PostJsonAsync("/_sandbox/payments", new { order, amount, code, merchant });

    public Task<JsonElement> AddFaultAsync(object spec) => PostJsonAsync("/_sandbox/faults", spec, HttpStatusCode.Created);

    public async Task<JsonElement> StatsAsync() => await Http.GetFromJsonAsync<JsonElement>("/_sandbox/stats");

    public Task<JsonElement> MoveRefundAsync(long id, object body) => PostJsonAsync($"/_sandbox/refunds/{id}/status", body);

    public Task<JsonElement> EndOfDayAsync(bool pay = false) => PostJsonAsync(pay ? "/_sandbox/end-of-day?pay=true" : "/_sandbox/end-of-day", null);

    public async Task<JsonElement> PatchSettingsAsync(object patch)
    {
        using var response = await Http.PatchAsJsonAsync("/_sandbox/settings", patch);
        Require(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>POSTs JSON and returns the answer, which must have <paramref name="expected"/> (200 by default).</summary>
    public async Task<JsonElement> PostJsonAsync(string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = body is null ? await Http.PostAsync(path, null) : await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Require(response.StatusCode == expected, $"POST {path}: expected {expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();

    static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Require(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text)!;
    }

    static string QueryString(IEnumerable<KeyValuePair<string, string?>> pairs) =>
        Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToUriComponent();

    // A plain library has no test framework: a failed expectation throws, which fails the calling test.
    static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Sandbox: {message}");
        }
    }
}
