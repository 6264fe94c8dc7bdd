using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>Calls of the refund HTTP API (<c>POST /refunds</c>, <c>GET /refunds/{id}</c>) as an internal service makes them.</summary>
public static class RefundRequests
{
    public const string Path = "/refunds";

    public const string ValidIban = "TR330006100519786457841326";

    /// <summary>Fails the mod-97 check (docs/protocol.md §7).</summary>
    public const string InvalidIban = "TR370006400012345678987654";

    public const string ContactName = "Mehmet Öztürk";

    /// <summary>A valid body; change or remove its fields to make it invalid.</summary>
    public static JsonObject Body(Guid? refundRequestId = null) => new()
    {
        ["refundRequestId"] = (refundRequestId ?? Guid.NewGuid()).ToString(),
        ["order"] = "ORDER-1001",
        ["payguruCode"] = "PG-8F2K1",
        ["serviceCode"] = "DEMO",
        ["amount"] = 10.50m,
        ["contactName"] = ContactName,
        ["iban"] = ValidIban,
        ["reason"] = "damaged on delivery",
    };

    public static HttpRequestMessage Post(JsonObject body, string? apiKey = GatewayFactory.ApiKey) =>
        Post(body.ToJsonString(), apiKey);

    public static HttpRequestMessage Post(string body, string? apiKey = GatewayFactory.ApiKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)),
        };
        return WithKey(request, apiKey);
    }

    public static HttpRequestMessage Get(string refundRequestId, string? apiKey = GatewayFactory.ApiKey) =>
        WithKey(new HttpRequestMessage(HttpMethod.Get, $"{Path}/{refundRequestId}"), apiKey);

    static HttpRequestMessage WithKey(HttpRequestMessage request, string? apiKey)
    {
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }
}
