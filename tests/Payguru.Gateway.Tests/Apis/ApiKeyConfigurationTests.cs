using System.Net;
using System.Text.Json;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>Without <c>Gateway:ApiKeys</c> the refund API is closed: every request is refused, saying why.</summary>
public sealed class ApiKeyConfigurationTests() : GatewayTest(new(GatewayFactory.DemoSettings, environment: "Testing"))
{
    // An environment without appsettings.Development.json (and its demo key): the Payguru settings only.
    [Theory]
    [InlineData(null)]
    [InlineData(GatewayFactory.ApiKey)]
    [InlineData("demo-api-key")]
    public async Task Refund_request_is_refused_401_saying_no_keys_are_configured(string? apiKey)
    {
        var response = await Client.SendAsync(RefundRequests.Post(RefundRequests.Body(), apiKey));

        await AssertClosedAsync(response);
        Assert.False(Gateway.Harness.Published.Select<RequestRefund>().Any());
    }

    [Fact]
    public async Task Refund_query_is_refused_401_saying_no_keys_are_configured()
    {
        var response = await Client.SendAsync(RefundRequests.Get(Guid.NewGuid().ToString(), GatewayFactory.ApiKey));

        await AssertClosedAsync(response);
    }

    [Fact]
    public async Task Callbacks_do_not_need_api_keys()
    {
        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static async Task AssertClosedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("no API keys are configured (Gateway:ApiKeys)", problem.RootElement.GetProperty("detail").GetString());
    }
}
