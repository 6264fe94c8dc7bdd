using System.Net;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Logging;

/// <summary>
/// Invariant 8 (docs/architecture.md): whatever the gateway logs about refunds — accepted, refused, not queued — carries no
/// IBAN, no contact name, no Payguru key and no API key, at any level.
/// </summary>
// The timeout bounds the two calls with the broker unreachable; 300 ms was too short, once, for the
// in-memory bus to confirm the calls before them on a busy machine.
public sealed class PersonalDataLogTests() : GatewayTest(new(new Dictionary<string, string?> { ["Gateway:PublishTimeout"] = "00:00:02" }))
{
    [Fact]
    public async Task Refund_notifications_and_requests_log_no_personal_data_and_no_keys()
    {
        var wrongKey = RefundNotifications.Paid();
        wrongKey["key"] = "0123456789abcdef0123456789abcdef";
        var badIban = RefundRequests.Body();
        badIban["iban"] = RefundRequests.InvalidIban;
        var answers = new List<HttpStatusCode>
        {
            await SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid())),
            await SendAsync(RefundNotifications.Request(NotificationForm.Json, wrongKey)),
            await SendAsync(RefundRequests.Post(RefundRequests.Body())),
            await SendAsync(RefundRequests.Post(badIban)),
            await SendAsync(RefundRequests.Post(RefundRequests.Body(), "wrong-api-key")),
        };
        Gateway.Faults.Fault = BrokerFault.Unreachable;
        answers.Add(await SendAsync(RefundNotifications.Request(NotificationForm.Form, RefundNotifications.Paid())));
        answers.Add(await SendAsync(RefundRequests.Post(RefundRequests.Body())));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized,
                HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable],
            answers);
        var gatewayLines = Gateway.Logs.Lines.Where(l => l.Category.StartsWith("Payguru.Gateway", StringComparison.Ordinal)).ToList();
        Assert.True(gatewayLines.Count >= answers.Count, $"every call should be logged; got {gatewayLines.Count} lines");
        foreach (var (category, _, text) in Gateway.Logs.Lines)
        {
            foreach (var secret in new[]
            {
                RefundNotifications.DemoIban, RefundNotifications.DemoContact, RefundNotifications.DemoKey, "0123456789abcdef0123456789abcdef",
                RefundRequests.ValidIban, RefundRequests.InvalidIban, RefundRequests.ContactName,
                GatewayFactory.ApiKey, "wrong-api-key", GatewayFactory.MerchantKey, GatewayFactory.DemoServiceKey,
            })
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{category} logged a secret: {text}");
            }
        }
    }

    async Task<HttpStatusCode> SendAsync(HttpRequestMessage request) => (await Client.SendAsync(request)).StatusCode;
}
