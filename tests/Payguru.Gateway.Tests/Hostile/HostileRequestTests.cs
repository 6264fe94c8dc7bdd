using System.Net;
using CsCheck;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Hostile;

/// <summary>
/// Property: whatever reaches a public door in whatever shape (<see cref="HostileShapes"/>) is answered below 500,
/// never <c>OK</c>, with no framework exception text, and publishes nothing. Health answers 200 to a GET whatever it carries.
/// </summary>
public sealed class HostileRequestTests() : GatewayTest(new())
{
    const int Iterations = 1500;

    [Fact]
    public async Task Hostile_requests_are_answered_below_500_never_OK_and_publish_nothing()
    {
        await HostileShapes.Requests.SampleAsync(
            async hostile =>
            {
                var response = await Client.SendAsync(hostile.ToMessage());
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}: {body}");
                Assert.NotEqual("OK", body);
                Assert.DoesNotContain("Exception", body);
                Assert.DoesNotContain("   at ", body);
                if (!hostile.Path.StartsWith("/health", StringComparison.Ordinal))
                {
                    Assert.True((int)response.StatusCode >= 400, $"answered {(int)response.StatusCode}: {body}");
                }
            },
            iter: Iterations,
            print: h => h.ToString());

        Assert.Equal(0, Gateway.Publishes.Count);
    }
}
