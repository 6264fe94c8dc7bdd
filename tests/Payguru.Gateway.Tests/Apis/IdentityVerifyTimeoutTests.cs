using System.Net;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// With nothing answering on <c>refund-processor-identity-queries</c> (the processor stopped), a <c>verify</c>
/// call is answered <c>{"status":false,"tckn":null}</c> with 503 once <c>Gateway:IdentityTimeout</c> has passed.
/// </summary>
public sealed class IdentityVerifyTimeoutTests()
    : GatewayTest(new(new Dictionary<string, string?> { ["Gateway:IdentityTimeout"] = "00:00:00.500" }))
{
    [Fact]
    public async Task Verify_nobody_answers_is_answered_status_false_503_after_the_identity_timeout()
    {
        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("verify")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":false,"tckn":null}""", await response.Content.ReadAsStringAsync());
        Assert.True(await Gateway.Harness.Published.Any<Payguru.Contracts.Identity.GetIdentityAnswer>(), "the processor was asked");
        Assert.Contains(Gateway.Logs.Lines, line =>
            line.Text.Contains("TCKN verification of order ORDER-1001 (DEMO): answered status false, the processor did not answer within 00:00:00.5000000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_while_the_broker_is_unreachable_is_answered_status_false_503()
    {
        Gateway.Faults.Fault = BrokerFault.Unreachable;

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Json, IdentityCalls.Demo("verify")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":false,"tckn":null}""", await response.Content.ReadAsStringAsync());
    }
}
