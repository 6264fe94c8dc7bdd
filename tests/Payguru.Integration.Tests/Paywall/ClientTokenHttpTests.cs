using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Paywall;

/// <summary>
/// <c>POST /client-tokens</c> end to end: the real gateway, the real processor on a real broker, and the sandbox as
/// Paywall; a token, a Paywall error, an answer held past the processor's timeout, and a processor with a wrong key.
/// </summary>
public sealed class ClientTokenHttpTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const string ApiKey = "demo-api-key";

    static readonly object Body = new { clientCardSave = true, threeDSession = false, expiryMin = 30 };

    [Fact]
    public async Task Client_token_is_issued_and_Paywalls_refusals_and_timeouts_are_answered_502()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        var system = new DemoSystem(vhost, directory, output);
        await using var processor = await system.StartProcessorAsync(settings: DemoSystem.PaywallSettings(sandbox));
        var (gateway, client) = await system.StartGatewayAsync();
        await using var running = gateway;
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var issued = await client.PostAsJsonAsync("/client-tokens", Body);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using (var answer = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()))
        {
            var token = answer.RootElement.GetProperty("token").GetString()!;
            Assert.True(Guid.TryParse(token, out _));
            Assert.True(answer.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(25));
            Assert.DoesNotContain(token, gateway.FormatOutput());
            Assert.DoesNotContain(token, processor.FormatOutput());
        }

        Assert.Equal(1, (await admin.StatsAsync()).GetProperty("paywall").GetProperty("tempTokensIssued").GetInt32());

        await admin.AddFaultAsync(new { endpoint = "paywall/temptoken", kind = "error", code = "2002", message = "Limit exceeded", status = 400, count = 1 });
        var refused = await client.PostAsJsonAsync("/client-tokens", Body);
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("paywall_error", problem.RootElement.GetProperty("reason").GetString());
            Assert.Equal(2002, problem.RootElement.GetProperty("paywallErrorCode").GetInt32());
            Assert.Equal("Limit exceeded", problem.RootElement.GetProperty("paywallMessage").GetString());
        }

        await admin.AddFaultAsync(new { endpoint = "paywall/temptoken", kind = "hold", delayMs = 20000, count = 1 });
        var held = await client.PostAsJsonAsync("/client-tokens", Body);
        Assert.Equal(HttpStatusCode.BadGateway, held.StatusCode);
        Assert.Contains("paywall_unavailable", await held.Content.ReadAsStringAsync());

        // Anonymous: 401 and nothing asked of Paywall.
        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        var calls = (await admin.StatsAsync()).GetProperty("calls").GetProperty("paywall/temptoken").GetInt32();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/client-tokens", Body)).StatusCode);
        Assert.Equal(calls, (await admin.StatsAsync()).GetProperty("calls").GetProperty("paywall/temptoken").GetInt32());
    }

    [Fact]
    public async Task Processor_with_a_wrong_Paywall_key_answers_502_with_Paywalls_401_and_no_processor_answers_504()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        var system = new DemoSystem(vhost, directory, output);
        var (gateway, client) = await system.StartGatewayAsync(settings: new Dictionary<string, string?> { ["Gateway__ClientTokenTimeout"] = "00:00:03" });
        await using var running = gateway;
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        // No processor yet: the request waits in its queue and expires unanswered.
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await client.PostAsJsonAsync("/client-tokens", Body)).StatusCode);

        var settings = DemoSystem.PaywallSettings(sandbox);
        settings["Paywall__ApiKeyPublic"] = "not-the-key";
        await using var processor = await system.StartProcessorAsync(settings: settings);
        var response = await client.PostAsJsonAsync("/client-tokens", Body);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(401, problem.RootElement.GetProperty("paywallErrorCode").GetInt32());
        Assert.DoesNotContain("not-the-key", text);
        Assert.DoesNotContain("not-the-key", processor.FormatOutput());
    }
}
