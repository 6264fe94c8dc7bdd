using System.Net;
using System.Text.Json;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>With nothing consuming <c>refund-processor-queries</c>, a query is answered 504 after <c>Gateway:QueryTimeout</c>.</summary>
public sealed class RefundQueryTimeoutTests
{
    [Fact]
    public async Task Query_nobody_answers_is_answered_504_after_the_query_timeout()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Gateway:QueryTimeout"] = timeout.ToString() });
        using var client = gateway.CreateClient();

        // Nobody answers: the 504 naming Gateway:QueryTimeout is the timeout's own answer, no stopwatch needed.
        var response = await client.SendAsync(RefundRequests.Get(Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(504, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Gateway:QueryTimeout", problem.RootElement.GetProperty("detail").GetString());
    }
}
