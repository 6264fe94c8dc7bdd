using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payguru.Gateway.Options;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Hostile;

/// <summary>
/// An exception no endpoint handled (here: the limits cannot be read) is answered 500 with the request's id and
/// nothing of the exception, in Development too: a callback with a text that is not <c>OK</c>, the API with a
/// problem. The exception is logged under that id.
/// </summary>
public sealed class UnexpectedErrorTests() : GatewayTest(new GatewayFactory
{
    ConfigureServices = services => services.AddSingleton<IOptions<RequestLimitsOptions>>(new BrokenLimits()),
})
{
    const string Secret = "InvalidOperationException: secret internal detail";

    [Fact]
    public async Task Callback_failing_unexpectedly_is_answered_500_text_without_the_exception()
    {
        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, PaymentNotifications.Demo()));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("not processed: the request could not be handled; it is logged as ", body);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("Exception", body);
        var id = body["not processed: the request could not be handled; it is logged as ".Length..];
        Assert.Contains(Gateway.Logs.Lines, line => line.Level == LogLevel.Error && line.Text.Contains(id));
        Assert.Equal(0, Gateway.Publishes.Count);
    }

    [Fact]
    public async Task Api_call_failing_unexpectedly_is_answered_500_problem_without_the_exception()
    {
        var response = await Client.SendAsync(RefundRequests.Post(RefundRequests.Body()));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("the request could not be handled; it is logged as ", body);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Equal(0, Gateway.Publishes.Count);
    }

    sealed class BrokenLimits : IOptions<RequestLimitsOptions>
    {
        public RequestLimitsOptions Value => throw new InvalidOperationException(Secret);
    }
}
