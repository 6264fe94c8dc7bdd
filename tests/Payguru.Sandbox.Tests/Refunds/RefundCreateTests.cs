using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Refunds;

public sealed class RefundCreateTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Create_answers_000_with_the_refund_id_as_a_string_like_the_seed_sample()
    {
        var token = await TokenWithPaymentAsync("ORDER-1001");

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/refund/create", token, Demo.MerchantId,
            [("code", "DEMO"), ("order", "ORDER-1001"), ("amount", "1.00"), ("contact[name]", "Qwe ASD"), ("contact[iban]", Demo.Iban)]);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["status", "message", "refund_id"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("000", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("refund_id").ValueKind);
        Assert.True(long.TryParse(json.RootElement.GetProperty("refund_id").GetString(), out _));
    }

    [Fact]
    public async Task Create_accepts_the_parameters_as_a_post_form()
    {
        var token = await TokenWithPaymentAsync("ORDER-FORM");

        var answer = await Client.PostFormAsync<RefundCreateAnswer>("/phs/refund/create", token, Demo.MerchantId,
            ("code", "DEMO"), ("order", "ORDER-FORM"), ("amount", "2.50"), ("contact[name]", "Qwe ASD"), ("contact[iban]", Demo.Iban));

        Assert.Equal("000", answer.Status);
        var refund = Assert.Single((await Client.GetRefundsByOrderAsync(token, "ORDER-FORM")).Data!);
        Assert.Equal("2.50", refund.Amount);
    }

    [Fact]
    public async Task Create_accepts_a_post_json_body_with_contact_as_an_object()
    {
        var token = await TokenWithPaymentAsync("ORDER-JSON");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/phs/refund/create")
        {
            Content = JsonContent.Create(new { code = "DEMO", order = "ORDER-JSON", amount = "3.00", contact = new { name = "Qwe ASD", iban = Demo.Iban } }),
        };
        request.Headers.Add("merchant", Demo.MerchantId);
        request.Headers.Add("token", token);

        using var response = await Client.Http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<RefundCreateAnswer>();

        Assert.Equal("000", answer!.Status);
    }

    [Fact]
    public async Task Create_is_not_idempotent_the_same_call_twice_makes_two_refunds()
    {
        var token = await TokenWithPaymentAsync("ORDER-TWICE");

        var first = await Client.CreatedRefundAsync(token, "ORDER-TWICE");
        var second = await Client.CreatedRefundAsync(token, "ORDER-TWICE");

        Assert.NotEqual(first, second);
        Assert.Equal([first, second], (await Client.GetRefundsByOrderAsync(token, "ORDER-TWICE")).Data!.Select(r => r.Id));
        Assert.Equal(2, (await Client.StatsAsync()).GetProperty("refundsCreatedByOrder").GetProperty("ORDER-TWICE").GetInt64());
    }

    [Fact]
    public async Task Create_with_a_service_the_merchant_does_not_have_answers_ERR_005_Invalid_Service()
    {
        var token = await TokenWithPaymentAsync("ORDER-SVC");

        var answer = await Client.CreateRefundAsync(token, "ORDER-SVC", code: MerchantSandboxFixture.OtherServiceCode);

        Assert.Equal("ERR_005", answer.Status);
        Assert.Equal("Invalid Service", answer.Message);
        Assert.Null(answer.RefundId);
    }

    [Fact]
    public async Task Create_with_a_token_never_issued_answers_ERR_016()
    {
        await Client.SeedPaymentAsync("ORDER-TOKEN");

        var answer = await Client.CreateRefundAsync("{3E53E639-5173-D1B6-9368-68FCBCF72342}", "ORDER-TOKEN");

        Assert.Equal("ERR_016", answer.Status);
        Assert.Equal("Invalid Token", answer.Message);
    }

    [Fact]
    public async Task Create_with_another_merchants_token_answers_ERR_016()
    {
        await Client.SeedPaymentAsync("ORDER-OTHER");
        var otherToken = await Client.NewTokenAsync(MerchantSandboxFixture.OtherMerchantId, OtherMerchantTokenKey);

        var answer = await Client.CreateRefundAsync(otherToken, "ORDER-OTHER", merchant: Demo.MerchantId);

        Assert.Equal("ERR_016", answer.Status);
    }

    [Fact]
    public async Task Create_without_the_headers_answers_ERR_016()
    {
        var answer = await Client.GetAsync<RefundCreateAnswer>("/phs/refund/create", token: null, merchant: null,
            ("code", "DEMO"), ("order", "O"), ("amount", "1.00"), ("contact[name]", "Qwe"), ("contact[iban]", Demo.Iban));

        Assert.Equal("ERR_016", answer.Status);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("amount")]
    [InlineData("order")]
    [InlineData("contact[name]")]
    [InlineData("contact[iban]")]
    public async Task Create_without_a_required_parameter_answers_ERR_007_naming_it(string left)
    {
        var token = await TokenWithPaymentAsync("ORDER-REQ");
        (string, string)[] all = [("code", "DEMO"), ("order", "ORDER-REQ"), ("amount", "1.00"), ("contact[name]", "Qwe"), ("contact[iban]", Demo.Iban)];

        var answer = await Client.GetAsync<RefundCreateAnswer>("/phs/refund/create", token, Demo.MerchantId, all.Where(f => f.Item1 != left).ToArray());

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal($"Invalid Request:{left} required", answer.Message);
    }

    [Theory]
    [InlineData("1,00")]
    [InlineData("-1")]
    [InlineData("0.00")]
    [InlineData("ten")]
    public async Task Create_with_a_malformed_amount_answers_ERR_007(string amount)
    {
        var token = await TokenWithPaymentAsync("ORDER-AMT");

        var answer = await Client.CreateRefundAsync(token, "ORDER-AMT", amount);

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:amount not true", answer.Message);
    }

    [Fact]
    public async Task Create_for_an_order_Payguru_never_took_a_payment_for_answers_ERR_007()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Client.CreateRefundAsync(token, "ORDER-UNPAID");

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:order not found", answer.Message);
    }

    [Fact]
    public async Task Create_keeps_the_amount_as_the_text_that_was_sent()
    {
        var token = await TokenWithPaymentAsync("ORDER-TEXT");

        await Client.CreatedRefundAsync(token, "ORDER-TEXT", "1.5");
        await Client.CreatedRefundAsync(token, "ORDER-TEXT", "2");

        Assert.Equal(["1.5", "2"], (await Client.GetRefundsByOrderAsync(token, "ORDER-TEXT")).Data!.Select(r => r.Amount));
    }
}
