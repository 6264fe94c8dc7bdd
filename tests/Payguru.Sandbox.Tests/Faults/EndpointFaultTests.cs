using System.Net;
using System.Net.Http.Json;
using System.Text;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Paywall;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Faults;

/// <summary>Faults on provider endpoints: 5xx, provider error codes, held answers, lost answers, an ERR_016 storm (latency and holds on the clock: <see cref="FaultTimingTests"/>).</summary>
public sealed class EndpointFaultTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task A_status_fault_fails_the_next_N_calls_with_that_status_then_the_endpoint_works_again()
    {
        var token = await TokenWithPaymentAsync("ORDER-5XX");
        await Client.AddFaultAsync(new { endpoint = "refund/create", kind = "status", status = 503, count = 2 });

        var first = await CreateRawAsync(token, "ORDER-5XX");
        var second = await CreateRawAsync(token, "ORDER-5XX");
        var third = await Client.CreateRefundAsync(token, "ORDER-5XX");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second);
        Assert.Equal("000", third.Status);
        var stats = await Client.StatsAsync();
        Assert.Equal(1, stats.GetProperty("refundsCreated").GetInt64());
        Assert.Equal(3, stats.GetProperty("calls").GetProperty("refund/create").GetInt64());
        Assert.Equal(2, stats.GetProperty("faultsApplied").GetProperty("refund/create").GetInt64());
    }

    [Fact]
    public async Task A_status_fault_defaults_to_500()
    {
        await Client.AddFaultAsync(new { endpoint = "getToken", kind = "status", count = 1 });

        using var response = await Client.Http.GetAsync($"/phs/getToken?merchant=123&key={Demo.TokenKey}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task An_error_fault_answers_the_given_Payguru_code_in_the_envelope_without_creating_anything()
    {
        var token = await TokenWithPaymentAsync("ORDER-ERR");
        await Client.AddFaultAsync(new { endpoint = "/phs/refund/create", kind = "error", code = "ERR_016", count = 1 });

        var faulted = await Client.CreateRefundAsync(token, "ORDER-ERR");
        var next = await Client.CreateRefundAsync(token, "ORDER-ERR");

        Assert.Equal("ERR_016", faulted.Status);
        Assert.Equal("Invalid Token", faulted.Message);
        Assert.Equal("000", next.Status);
        Assert.Single((await Client.GetRefundsByOrderAsync(token, "ORDER-ERR")).Data!);
    }

    [Fact]
    public async Task An_error_fault_carries_an_unknown_code_and_its_message_through()
    {
        var token = await Client.NewTokenAsync();
        await Client.AddFaultAsync(new { endpoint = "refund/getByOrder", kind = "error", code = "ERR_999", message = "Something new" });

        var answer = await Client.GetRefundsByOrderAsync(token, "X");

        Assert.Equal("ERR_999", answer.Status);
        Assert.Equal("Something new", answer.Message);
    }

    [Fact]
    public async Task An_error_fault_on_Paywall_answers_Paywalls_envelope()
    {
        await Client.AddFaultAsync(new { endpoint = "paywall/temptoken", kind = "error", code = "1001", message = "Busy", count = 1 });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/paywall/temptoken")
        {
            Content = new StringContent("""{"ClientCardSave":true,"ThreeDSession":true,"ExpiryMin":1}""", Encoding.UTF8, "application/json"),
        };

        using var response = await Client.Http.SendAsync(request);
        var envelope = await response.Content.ReadFromJsonAsync<PaywallEnvelope<PaywallTempTokenAnswer>>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1001, envelope!.ErrorCode);
        Assert.False(envelope.Result);
        Assert.Equal("Busy", envelope.Message);
    }

    [Fact]
    public async Task A_hold_fault_holds_the_answer_past_the_clients_timeout_while_the_refund_is_created()
    {
        var token = await TokenWithPaymentAsync("ORDER-HOLD");
        await Client.AddFaultAsync(new { endpoint = "refund/create", kind = "hold", delayMs = 5000, count = 1 });
        using var impatient = new SandboxClient(Fixture.Sandbox.Url, TimeSpan.FromMilliseconds(700));

        // The client's own 700 ms timeout ends the call (the hold lasts 5 s): no stopwatch needed.
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.CreateRefundAsync(token, "ORDER-HOLD"));

        var refund = Assert.Single((await Client.GetRefundsByOrderAsync(token, "ORDER-HOLD")).Data!);
        Assert.Equal(1, refund.Status);
    }

    [Fact]
    public async Task A_drop_fault_creates_the_refund_and_loses_the_answer()
    {
        var token = await TokenWithPaymentAsync("ORDER-LOST");
        await Client.AddFaultAsync(new { endpoint = "refund/create", kind = "drop", count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.CreateRefundAsync(token, "ORDER-LOST"));

        var refund = Assert.Single((await Client.GetRefundsByOrderAsync(token, "ORDER-LOST")).Data!);
        Assert.Equal("1.00", refund.Amount);
        Assert.Equal(1, (await Client.StatsAsync()).GetProperty("refundsCreatedByOrder").GetProperty("ORDER-LOST").GetInt64());
        Assert.Equal("000", (await Client.CreateRefundAsync(token, "ORDER-LOST")).Status);
    }

    [Fact]
    public async Task Invalidating_every_token_makes_every_merchants_next_call_answer_ERR_016()
    {
        var token = await TokenWithPaymentAsync("ORDER-STORM");
        var otherToken = await Client.NewTokenAsync(MerchantSandboxFixture.OtherMerchantId, OtherMerchantTokenKey);

        var invalidated = await Client.PostJsonAsync("/_sandbox/tokens/invalidate", null);

        Assert.Equal(2, invalidated.GetProperty("invalidated").GetInt32());
        Assert.Equal("ERR_016", (await Client.CreateRefundAsync(token, "ORDER-STORM")).Status);
        Assert.Equal("ERR_016", (await Client.GetRefundsByOrderAsync(otherToken, "ORDER-STORM")).Status);
        var fresh = await Client.NewTokenAsync();
        Assert.Equal("000", (await Client.CreateRefundAsync(fresh, "ORDER-STORM")).Status);
    }

    [Fact]
    public async Task A_fault_without_a_count_acts_until_it_is_removed()
    {
        var fault = await Client.AddFaultAsync(new { endpoint = "getToken", kind = "status", status = 502 });
        var id = fault.GetProperty("id").GetInt32();

        for (var i = 0; i < 3; i++)
        {
            using var response = await Client.Http.GetAsync($"/phs/getToken?merchant=123&key={Demo.TokenKey}");
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        using (var removed = await Client.Http.DeleteAsync($"/_sandbox/faults/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Equal("000", (await Client.GetTokenAsync()).Status);
    }

    [Fact]
    public async Task Faults_are_listed_with_what_is_left_of_them_and_cleared_all_at_once()
    {
        await Client.AddFaultAsync(new { endpoint = "refund/get", kind = "status", count = 3 });
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "delay", delayMs = 100 });
        var token = await Client.NewTokenAsync();
        using (await Client.SendAsync(HttpMethod.Get, "/phs/refund/get", token, "123", [("id", "1")]))
        {
        }

        var listed = await Client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/_sandbox/faults");
        using var cleared = await Client.Http.DeleteAsync("/_sandbox/faults");
        var after = await Client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/_sandbox/faults");

        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(2, listed[0].GetProperty("remaining").GetInt32());
        Assert.Equal("callbacks", listed[1].GetProperty("endpoint").GetString());
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(0, after.GetArrayLength());
    }

    [Theory]
    [InlineData("""{"endpoint":"refund/nope","kind":"status"}""", "endpoint")]
    [InlineData("""{"endpoint":"refund/create","kind":"explode"}""", "kind")]
    [InlineData("""{"endpoint":"refund/create","kind":"twice"}""", "kind")]
    [InlineData("""{"endpoint":"callbacks","kind":"drop"}""", "kind")]
    [InlineData("""{"endpoint":"refund/create","kind":"error"}""", "code")]
    [InlineData("""{"endpoint":"paywall/member","kind":"error","code":"ERR_005"}""", "code")]
    [InlineData("""{"endpoint":"refund/create","kind":"status","status":200}""", "status")]
    [InlineData("""{"endpoint":"refund/create","kind":"latency"}""", "delayMs")]
    [InlineData("""{"endpoint":"refund/create","kind":"drop","count":0}""", "count")]
    [InlineData("""{"endpoint":"callbacks","kind":"out-of-order","count":1}""", "count")]
    public async Task A_fault_that_cannot_work_is_refused_with_400_naming_the_field(string json, string field)
    {
        using var response = await Client.Http.PostAsync("/_sandbox/faults", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    async Task<HttpStatusCode> CreateRawAsync(string token, string order)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/refund/create", token, Demo.MerchantId,
            [("code", "DEMO"), ("order", order), ("amount", "1.00"), ("contact[name]", "Qwe"), ("contact[iban]", Demo.Iban)]);
        return response.StatusCode;
    }
}
