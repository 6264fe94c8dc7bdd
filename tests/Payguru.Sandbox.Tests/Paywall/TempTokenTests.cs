using System.Net;
using System.Net.Http.Json;
using System.Text;
using Payguru.Provider.Wire.Paywall;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Paywall;

public sealed class TempTokenTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Temp_token_answers_the_envelope_with_a_token_that_expires_after_ExpiryMin()
    {
        var before = DateTimeOffset.UtcNow;

        var (status, envelope) = await PostAsync("""{"ClientCardSave": true, "ThreeDSession": false, "ExpiryMin": 30}""");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(envelope.IsSuccess);
        Assert.Equal(0, envelope.ErrorCode);
        Assert.Equal("", envelope.Message);
        var body = envelope.Body!;
        Assert.True(body.TempTokenId > 0);
        Assert.True(Guid.TryParse(body.Token, out _));
        Assert.Equal(TimeSpan.FromHours(3), body.ExpiryDateTime.Offset);
        // 30 minutes from when the sandbox answered, between before and after (the wire time may drop the fraction of a second).
        Assert.InRange(body.ExpiryDateTime, before.AddMinutes(30).AddSeconds(-1), after.AddMinutes(30).AddSeconds(1));
        Assert.True(body.Scope!.ClientCardSave);
        Assert.False(body.Scope.ThreeDSession);
        Assert.Equal(1, (await Client.StatsAsync()).GetProperty("paywall").GetProperty("tempTokensIssued").GetInt64());
    }

    [Fact]
    public async Task Temp_token_without_the_api_headers_answers_401_in_the_envelope()
    {
        var (status, envelope) = await PostAsync("""{"ClientCardSave": true, "ThreeDSession": false, "ExpiryMin": 5}""", headers: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(envelope.Result);
        Assert.Equal(401, envelope.ErrorCode);
        Assert.Contains("apikeypublic", envelope.Message);
        Assert.Null(envelope.Body);
    }

    [Fact]
    public async Task Temp_token_with_a_wrong_api_client_answers_401()
    {
        var (status, _) = await PostAsync("""{"ClientCardSave": true, "ThreeDSession": false, "ExpiryMin": 5}""", client: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public async Task Temp_token_with_ExpiryMin_outside_0_to_30_answers_400(int minutes)
    {
        var (status, envelope) = await PostAsync($$"""{"ClientCardSave": true, "ThreeDSession": false, "ExpiryMin": {{minutes}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(envelope.Result);
        Assert.Equal("ExpiryMin must be between 0 and 30.", envelope.Message);
    }

    [Theory]
    [InlineData("ClientCardSave")]
    [InlineData("ThreeDSession")]
    [InlineData("ExpiryMin")]
    public async Task Temp_token_without_a_required_field_answers_400_naming_it(string left)
    {
        var fields = new Dictionary<string, object> { ["ClientCardSave"] = true, ["ThreeDSession"] = false, ["ExpiryMin"] = 0 };
        fields.Remove(left);

        var (status, envelope) = await PostAsync(System.Text.Json.JsonSerializer.Serialize(fields));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"{left} is required.", envelope.Message);
    }

    [Fact]
    public async Task Temp_token_with_a_field_of_the_wrong_type_answers_400()
    {
        var (status, envelope) = await PostAsync("""{"ClientCardSave": "yes", "ThreeDSession": false, "ExpiryMin": 5}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ClientCardSave must be true or false.", envelope.Message);
    }

    [Fact]
    public async Task Temp_token_with_a_body_that_is_not_json_answers_400()
    {
        var (status, envelope) = await PostAsync("ClientCardSave=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid JSON.", envelope.Message);
    }

    [Fact]
    public async Task Temp_token_is_post_only()
    {
        using var response = await Client.Http.GetAsync("/api/paywall/temptoken");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    async Task<(HttpStatusCode Status, PaywallEnvelope<PaywallTempTokenAnswer> Envelope)> PostAsync(
        string json, bool headers = true, string client = Demo.PaywallClientPublic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/paywall/temptoken")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (headers)
        {
            request.Headers.Add("apikeypublic", Demo.PaywallKeyPublic);
            request.Headers.Add("apiclientpublic", client);
        }

        using var response = await Client.Http.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<PaywallEnvelope<PaywallTempTokenAnswer>>())!);
    }
}
