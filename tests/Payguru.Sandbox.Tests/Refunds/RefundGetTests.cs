using System.Text.Json;
using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Refunds;

public sealed class RefundGetTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    /// <summary>The fields of the seed's refund/get sample, in its order.</summary>
    public static readonly string[] SampleFields =
    [
        "id", "merchant_name", "merchant_id", "service_name", "service_id", "transaction_id", "status", "create_time",
        "update_time", "refund_time", "amount", "update_userid", "requested_by", "description", "note", "refund_contact",
        "refund_iban", "bank_id", "bank_name", "bank_code", "bank_receipt_no",
    ];

    [Fact]
    public async Task Get_answers_the_refund_as_one_object_with_every_field_of_the_seed_sample()
    {
        var token = await TokenWithPaymentAsync("ORDER-GET");
        var id = await Client.CreatedRefundAsync(token, "ORDER-GET", "0.50");

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/refund/get", token, Demo.MerchantId, [("id", id.ToString())]);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");

        Assert.Equal("000", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal(SampleFields, data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, data.GetProperty("id").GetInt64());
        Assert.Equal(1, data.GetProperty("status").GetInt32());
        Assert.Equal("0.50", data.GetProperty("amount").GetString());
        Assert.Equal("PAYGURU DEMO", data.GetProperty("merchant_name").GetString());
        Assert.Equal(123, data.GetProperty("merchant_id").GetInt64());
        Assert.Equal("DEMO", data.GetProperty("service_name").GetString());
        Assert.Equal(4, data.GetProperty("service_id").GetInt64());
        Assert.Equal("Qwe ASD", data.GetProperty("refund_contact").GetString());
        Assert.Equal(Demo.Iban, data.GetProperty("refund_iban").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", data.GetProperty("create_time").GetString());
        foreach (var unpaid in new[] { "update_time", "refund_time", "bank_id", "bank_name", "bank_code", "bank_receipt_no" })
        {
            Assert.Equal(JsonValueKind.Null, data.GetProperty(unpaid).ValueKind);
        }
    }

    [Fact]
    public async Task Get_of_a_refund_carries_the_paid_orders_transaction_id()
    {
        var payment = await Client.SeedPaymentAsync("ORDER-TX");
        var token = await Client.NewTokenAsync();
        var id = await Client.CreatedRefundAsync(token, "ORDER-TX");

        var refund = Assert.Single((await Client.GetRefundAsync(token, id)).Data!);

        Assert.Equal(payment.GetProperty("txid").GetInt64(), refund.TransactionId);
    }

    [Fact]
    public async Task Get_accepts_the_id_in_a_post_form()
    {
        var token = await TokenWithPaymentAsync("ORDER-POSTGET");
        var id = await Client.CreatedRefundAsync(token, "ORDER-POSTGET");

        var answer = await Client.PostFormAsync<RefundGetAnswer>("/phs/refund/get", token, Demo.MerchantId, ("id", id.ToString()));

        Assert.Equal(id, Assert.Single(answer.Data!).Id);
    }

    [Fact]
    public async Task Get_of_an_id_without_a_refund_answers_000_with_an_empty_data_array()
    {
        var token = await Client.NewTokenAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/refund/get", token, Demo.MerchantId, [("id", "999999")]);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("000", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Get_does_not_show_another_merchants_refund()
    {
        var token = await TokenWithPaymentAsync("ORDER-MINE");
        var id = await Client.CreatedRefundAsync(token, "ORDER-MINE");
        var otherToken = await Client.NewTokenAsync(MerchantSandboxFixture.OtherMerchantId, OtherMerchantTokenKey);

        var answer = await Client.GetAsync<RefundGetAnswer>("/phs/refund/get", otherToken, MerchantSandboxFixture.OtherMerchantId, ("id", id.ToString()));

        Assert.Equal("000", answer.Status);
        Assert.Empty(answer.Data!);
    }

    [Fact]
    public async Task Get_with_an_id_that_is_not_a_number_answers_ERR_007()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Client.GetAsync<RefundGetAnswer>("/phs/refund/get", token, Demo.MerchantId, ("id", "abc"));

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:id not true", answer.Message);
    }

    [Fact]
    public async Task Get_with_a_bad_token_answers_ERR_016()
    {
        var answer = await Client.GetAsync<RefundGetAnswer>("/phs/refund/get", "{NOT-A-TOKEN}", Demo.MerchantId, ("id", "1"));

        Assert.Equal("ERR_016", answer.Status);
        Assert.Null(answer.Data);
    }

    [Fact]
    public async Task Get_by_order_answers_every_refund_of_the_order_as_an_array_oldest_first()
    {
        var token = await TokenWithPaymentAsync("ORDER-MANY");
        var ids = new[]
        {
            await Client.CreatedRefundAsync(token, "ORDER-MANY", "0.50"),
            await Client.CreatedRefundAsync(token, "ORDER-MANY", "0.40"),
            await Client.CreatedRefundAsync(token, "ORDER-MANY", "5"),
        };

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/refund/getByOrder", token, Demo.MerchantId, [("order", "ORDER-MANY")]);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");

        Assert.Equal("000", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, data.ValueKind);
        Assert.Equal(ids, data.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.All(data.EnumerateArray(), r => Assert.Equal(SampleFields, r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Get_by_order_accepts_the_order_in_a_post_form()
    {
        var token = await TokenWithPaymentAsync("ORDER-POSTBYORDER");
        var id = await Client.CreatedRefundAsync(token, "ORDER-POSTBYORDER");

        var answer = await Client.PostFormAsync<RefundsByOrderAnswer>("/phs/refund/getByOrder", token, Demo.MerchantId, ("order", "ORDER-POSTBYORDER"));

        Assert.Equal(id, Assert.Single(answer.Data!).Id);
    }

    [Fact]
    public async Task Get_by_order_of_an_order_without_refunds_answers_an_empty_array()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Client.GetRefundsByOrderAsync(token, "ORDER-NONE");

        Assert.Equal("000", answer.Status);
        Assert.Empty(answer.Data!);
    }

    [Fact]
    public async Task Get_by_order_with_a_bad_token_answers_ERR_016()
    {
        var answer = await Client.GetAsync<RefundsByOrderAnswer>("/phs/refund/getByOrder", "{NOT-A-TOKEN}", Demo.MerchantId, ("order", "X"));

        Assert.Equal("ERR_016", answer.Status);
    }

    [Fact]
    public async Task Get_by_order_without_the_order_answers_ERR_007()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Client.GetAsync<RefundsByOrderAnswer>("/phs/refund/getByOrder", token, Demo.MerchantId);

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:order required", answer.Message);
    }
}
