using System.Net;
using System.Text;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Hostile;

/// <summary>
/// Requests that were once answered 500, kept as plain tests: the two of issue #13 (a NUL in a form value,
/// broken multipart) and the cases <see cref="HostileRequestTests"/> shrank to. Each is refused 400 with a
/// short reason that is not an exception's, and nothing is published.
/// </summary>
public sealed class HostileRequestRegressionTests() : GatewayTest(new())
{
    public static TheoryData<string> CallbackPaths => [PaymentNotifications.Path, RefundNotifications.Path, IdentityCalls.Path];

    [Theory]
    [MemberData(nameof(CallbackPaths))]
    public async Task Nul_in_a_form_value_is_refused(string path)
    {
        var response = await Client.SendAsync(Post(path, "txid=1%00", "application/x-www-form-urlencoded"));

        await AssertRefusedAsync(response, "malformed form body");
    }

    [Theory]
    [MemberData(nameof(CallbackPaths))]
    public async Task Multipart_cut_short_is_refused(string path)
    {
        var body = "--XyZ\r\nContent-Disposition: form-data; name=\"txid\"\r\n\r\n1";

        var response = await Client.SendAsync(Post(path, body, "multipart/form-data; boundary=XyZ"));

        await AssertRefusedAsync(response, "malformed form body");
    }

    [Fact]
    public async Task Multipart_without_a_boundary_is_refused()
    {
        var response = await Client.SendAsync(Post(PaymentNotifications.Path, "--XyZ--", "multipart/form-data"));

        await AssertRefusedAsync(response, "malformed form body");
    }

    /// <summary>Shrunk by <see cref="HostileRequestTests"/>: valid JSON whose string no .NET string can hold.</summary>
    [Theory]
    [InlineData("""{"a":"\ud800"}""")]
    [InlineData("""{"\udc00":"1"}""")]
    public async Task Json_string_with_half_a_surrogate_pair_is_refused(string json)
    {
        var response = await Client.SendAsync(Post(PaymentNotifications.Path, json, "application/json"));

        await AssertRefusedAsync(response, "malformed JSON body");
    }

    [Fact]
    public async Task Json_string_with_half_a_surrogate_pair_in_a_refund_request_is_refused()
    {
        var request = RefundRequests.Post("""{"order":"\ud800"}""");

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed JSON body", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Gateway.Publishes.Count);
    }

    [Fact]
    public async Task Nul_in_a_query_value_is_refused()
    {
        var response = await Client.GetAsync($"{PaymentNotifications.Path}?{CallbackRequests.QueryString(PaymentNotifications.Demo())}&bank=zir%00aat");

        await AssertRefusedAsync(response, "control character");
    }

    [Fact]
    public async Task Json_nested_thousands_deep_is_refused()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);

        var response = await Client.SendAsync(Post(PaymentNotifications.Path, json, "application/json"));

        await AssertRefusedAsync(response, "malformed JSON body");
    }

    static HttpRequestMessage Post(string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    async Task AssertRefusedAsync(HttpResponseMessage response, string naming)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(naming, body);
        Assert.InRange(body.Length, 1, 120);
        Assert.DoesNotContain("Exception", body);
        Assert.Equal(0, Gateway.Publishes.Count);
    }
}
