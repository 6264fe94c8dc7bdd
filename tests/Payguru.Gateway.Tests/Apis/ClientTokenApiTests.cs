using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Payguru.Contracts.Paywall;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// <c>POST /client-tokens</c>: the API key as for <c>/refunds</c>, 400 naming each bad field with nothing sent,
/// the processor's answer (here a stand-in on its queue) as 200, 502 or 503, and 504 when nobody answers.
/// </summary>
public sealed class ClientTokenApiTests
{
    const string Token = "22ae3b5a-8eb0-41cc-88c7-219e25b95441";

    static readonly DateTimeOffset Expiry = new(2026, 6, 13, 22, 25, 8, TimeSpan.FromHours(3));

    static readonly ClientTokenIssued Issued = new(Token, Expiry, 14533994, true, false);

    [Fact]
    public async Task Valid_request_is_answered_200_with_the_token_and_its_expiry_not_to_be_cached()
    {
        var script = new ClientTokenResponder.Script(Issued);
        await using var gateway = new GatewayFactory { ConfigureBus = ClientTokenResponder.On(script) };
        using var client = gateway.CreateClient();

        var response = await client.SendAsync(Post("""{"clientCardSave": true, "threeDSession": false, "expiryMin": 30}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Token, body.RootElement.GetProperty("token").GetString());
        Assert.Equal(Expiry, body.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(new IssueClientToken(true, false, 30), Assert.Single(script.Received));
        Assert.DoesNotContain(gateway.Logs.Lines, line => line.Text.Contains(Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Missing_or_wrong_key_is_answered_401_and_nothing_is_asked(string? apiKey)
    {
        var script = new ClientTokenResponder.Script(Issued);
        await using var gateway = new GatewayFactory { ConfigureBus = ClientTokenResponder.On(script) };
        using var client = gateway.CreateClient();

        var response = await client.SendAsync(Post("""{"clientCardSave": true, "threeDSession": false, "expiryMin": 30}""", apiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("wrong-key", await response.Content.ReadAsStringAsync());
        Assert.Empty(script.Received);
    }

    [Theory]
    [InlineData("""{}""", new[] { "clientCardSave", "threeDSession", "expiryMin" })]
    [InlineData("""{"clientCardSave": "yes", "threeDSession": false, "expiryMin": 5}""", new[] { "clientCardSave" })]
    [InlineData("""{"clientCardSave": true, "threeDSession": 1, "expiryMin": 31}""", new[] { "threeDSession", "expiryMin" })]
    [InlineData("""{"clientCardSave": true, "threeDSession": false, "expiryMin": -1}""", new[] { "expiryMin" })]
    [InlineData("""{"clientCardSave": true, "threeDSession": false, "expiryMin": 2.5}""", new[] { "expiryMin" })]
    [InlineData("""[1, 2]""", new[] { "body" })]
    [InlineData("""not json""", new[] { "body" })]
    public async Task Bad_body_is_answered_400_naming_each_bad_field_and_nothing_is_asked(string body, string[] fields)
    {
        var script = new ClientTokenResponder.Script(Issued);
        await using var gateway = new GatewayFactory { ConfigureBus = ClientTokenResponder.On(script) };
        using var client = gateway.CreateClient();

        var response = await client.SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(fields.Order().ToList(), errors);
        Assert.Empty(script.Received);
    }

    [Fact]
    public async Task Paywall_refusal_is_answered_502_with_Paywalls_code_and_message()
    {
        var script = new ClientTokenResponder.Script(new ClientTokenRefused(ClientTokenRefusalReasons.PaywallError, "The apikeypublic or apiclientpublic header is not valid.", 401));
        await using var gateway = new GatewayFactory { ConfigureBus = ClientTokenResponder.On(script) };
        using var client = gateway.CreateClient();

        var response = await client.SendAsync(Post("""{"clientCardSave": false, "threeDSession": true, "expiryMin": 0}"""));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ClientTokenRefusalReasons.PaywallError, problem.RootElement.GetProperty("reason").GetString());
        Assert.Equal(401, problem.RootElement.GetProperty("paywallErrorCode").GetInt32());
        Assert.Contains("apikeypublic", problem.RootElement.GetProperty("paywallMessage").GetString());
    }

    [Fact]
    public async Task Paywall_not_configured_is_answered_503_with_the_reason()
    {
        var script = new ClientTokenResponder.Script(new ClientTokenRefused(ClientTokenRefusalReasons.PaywallNotConfigured, "Paywall is not configured", null));
        await using var gateway = new GatewayFactory { ConfigureBus = ClientTokenResponder.On(script) };
        using var client = gateway.CreateClient();

        var response = await client.SendAsync(Post("""{"clientCardSave": false, "threeDSession": true, "expiryMin": 10}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ClientTokenRefusalReasons.PaywallNotConfigured, problem.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Request_nobody_answers_is_answered_504_after_the_client_token_timeout()
    {
        await using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Gateway:ClientTokenTimeout"] = "00:00:00.500" });
        using var client = gateway.CreateClient();

        var response = await client.SendAsync(Post("""{"clientCardSave": true, "threeDSession": true, "expiryMin": 10}"""));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Gateway:ClientTokenTimeout", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_endpoint_is_in_the_OpenAPI_document_with_its_answers()
    {
        await using var gateway = new GatewayFactory();
        using var client = gateway.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var post = document.RootElement.GetProperty("paths").GetProperty("/client-tokens").GetProperty("post");
        var responses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Superset(new HashSet<string> { "200", "400", "401", "502", "503", "504" }, responses.ToHashSet());
        var properties = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ClientTokenRequestBody").GetProperty("properties");
        Assert.True(properties.TryGetProperty("expiryMin", out _));
    }

    static HttpRequestMessage Post(string body, string? apiKey = GatewayFactory.ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/client-tokens")
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse("application/json")),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }
}
