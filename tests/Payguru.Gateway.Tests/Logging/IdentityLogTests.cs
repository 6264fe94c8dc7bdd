using System.Net;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Logging;

/// <summary>
/// Invariant 8 (docs/architecture.md) for identity checks: whatever the gateway logs about <c>/TCKNVerifyService</c> — answered,
/// unknown, refused, timed out, reported — carries no TCKN, no TCKN hash, no Payguru key and no call key.
/// </summary>
public sealed class IdentityLogTests : GatewayTest
{
    public IdentityLogTests()
        : this(new KnownIdentities())
    {
    }

    IdentityLogTests(KnownIdentities known)
        : base(new GatewayFactory(new Dictionary<string, string?> { ["Gateway:IdentityTimeout"] = "00:00:02" })
        {
            ConfigureBus = IdentityQueryResponder.On(known),
        })
    {
        known.Add("ORDER-1001", GatewayFactory.DemoService, IdentityCalls.DemoAnswer);
    }

    [Fact]
    public async Task Identity_calls_log_no_tckn_no_hash_and_no_keys()
    {
        var unknown = IdentityCalls.Demo("verify");
        unknown["order"] = "ORDER-UNKNOWN";
        unknown.WithKeyFor(GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);
        var wrongKey = IdentityCalls.Demo("verify");
        wrongKey["key"] = "0123456789abcdef0123456789abcdef";
        var answers = new List<HttpStatusCode>
        {
            await SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("verify"))),
            await SendAsync(IdentityCalls.Request(NotificationForm.Json, unknown)),
            await SendAsync(IdentityCalls.Request(NotificationForm.Form, wrongKey)),
            await SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("verified"))),
            await SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("unverified"))),
        };
        Gateway.Faults.Fault = BrokerFault.Unreachable;
        answers.Add(await SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("verify"))));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable],
            answers);
        var identityLines = Gateway.Logs.Lines.Where(l => l.Text.Contains("TCKN verification", StringComparison.Ordinal)
            || l.Text.Contains("Identity check", StringComparison.Ordinal)).ToList();
        Assert.True(identityLines.Count >= answers.Count, $"every call should be logged; got {identityLines.Count} lines");
        foreach (var (category, _, text) in Gateway.Logs.Lines)
        {
            foreach (var secret in new[]
            {
                IdentityCalls.Tckn, IdentityCalls.DemoAnswer, IdentityCalls.DemoKey, "0123456789abcdef0123456789abcdef",
                GatewayFactory.MerchantKey, GatewayFactory.DemoServiceKey,
            })
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{category} logged a secret: {text}");
            }
        }
    }

    async Task<HttpStatusCode> SendAsync(HttpRequestMessage request) => (await Client.SendAsync(request)).StatusCode;
}
