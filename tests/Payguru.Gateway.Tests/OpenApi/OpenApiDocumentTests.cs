using System.Net;
using System.Text.Json;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.OpenApi;

/// <summary><c>/openapi/v1.json</c> describes the refund API, its body, its answers and its key; not Payguru's callbacks.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    readonly GatewayFactory _gateway = new();
    JsonDocument _document = null!;

    public async Task InitializeAsync()
    {
        using var client = _gateway.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _document.Dispose();
        await _gateway.DisposeAsync();
    }

    JsonElement Paths => _document.RootElement.GetProperty("paths");

    [Fact]
    public void Lists_the_refund_endpoints_and_not_the_callbacks()
    {
        var paths = Paths.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/refunds", paths);
        Assert.Contains("/refunds/{refundRequestId}", paths);
        Assert.DoesNotContain("/PhsNotifyService", paths);
        Assert.DoesNotContain("/PhsRefundNotifyService", paths);
    }

    [Fact]
    public void Post_refunds_has_a_summary_a_json_body_and_its_answers()
    {
        var post = Paths.GetProperty("/refunds").GetProperty("post");

        Assert.False(string.IsNullOrWhiteSpace(post.GetProperty("summary").GetString()));
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/RefundRequestBody", schema.GetProperty("$ref").GetString());
        var properties = _document.RootElement.GetProperty("components").GetProperty("schemas")
            .GetProperty("RefundRequestBody").GetProperty("properties");
        Assert.True(properties.TryGetProperty("iban", out _));
        Assert.True(properties.TryGetProperty("refundRequestId", out _));
        var responses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains("202", responses);
        Assert.Contains("400", responses);
        Assert.Contains("401", responses);
        Assert.Contains("503", responses);
    }

    [Fact]
    public void Get_refund_names_its_answers()
    {
        var get = Paths.GetProperty("/refunds/{refundRequestId}").GetProperty("get");

        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
        var responses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains("200", responses);
        Assert.Contains("404", responses);
        Assert.Contains("504", responses);
    }

    [Fact]
    public void Declares_and_requires_the_api_key_header()
    {
        var scheme = _document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var requirement = Assert.Single(_document.RootElement.GetProperty("security").EnumerateArray());
        Assert.True(requirement.TryGetProperty("ApiKey", out _));
    }
}
