using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Provider.Signing;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Identity;

/// <summary>
/// <c>POST /_sandbox/identity/verify</c>: Payguru's identity check against the merchant's <c>/TCKNVerifyService</c>
/// (here the fake merchant): a signed <c>verify</c> call, the answer compared with md5(TCKN + service key), then
/// <c>verified</c> or <c>unverified</c>; the TCKN is never sent, shown or logged.
/// </summary>
public sealed class IdentityCheckTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    const string Tckn = "10000000146";
    const string OtherTckn = "12345678950";

    [Fact]
    public async Task Matching_answer_is_reported_verified_with_signed_calls_that_carry_no_tckn()
    {
        var txid = await SeedAsync("ORDER-1001", Tckn);
        Merchant.KnowIdentity("ORDER-1001", Tckn);

        var answer = await CheckAsync(new { order = "ORDER-1001" });

        Assert.Equal("ORDER-1001", answer.GetProperty("order").GetString());
        Assert.Equal(txid, answer.GetProperty("txid").GetInt64());
        Assert.Equal("DEMO", answer.GetProperty("service").GetString());
        Assert.Equal(200, answer.GetProperty("verifyHttpStatus").GetInt32());
        Assert.True(answer.GetProperty("verifyStatus").GetBoolean());
        Assert.True(answer.GetProperty("tcknMatches").GetBoolean());
        Assert.Equal("verified", answer.GetProperty("outcome").GetString());
        Assert.True(answer.GetProperty("notified").GetBoolean());
        Assert.Equal("OK", answer.GetProperty("notificationAnswer").GetString());
        var calls = Merchant.Received;
        Assert.Equal(["verify", "verified"], calls.Select(c => c["notification_type"]));
        Assert.All(calls, call =>
        {
            Assert.True(call.IsIdentity);
            Assert.True(call.KeyValid);
            Assert.Equal(PayguruKeys.TcknVerify(Demo.Service, Demo.Merchant, "ORDER-1001"), call["key"]);
            Assert.Equal(txid.ToString(System.Globalization.CultureInfo.InvariantCulture), call["txid"]);
            Assert.Equal("25.00", call["amount"]);
            Assert.Equal("ziraatbank", call["bank"]);
            Assert.Equal("10", call["bank_no"]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", call["transaction_date"]);
            Assert.DoesNotContain(call.Fields.Values, value => value.Contains(Tckn, StringComparison.Ordinal));
        });
        Assert.DoesNotContain(Tckn, answer.GetRawText());
        var identity = (await Poll.WaitUntilAsync(
            _ => Client.StatsAsync(),
            s => s.GetProperty("callbacks").GetProperty("pending").GetInt64() == 0,
            RunningSandbox.Patience,
            "no pending callback")).GetProperty("callbacks").GetProperty("identity");
        Assert.Equal(1, identity.GetProperty("attempts").GetInt64());
        Assert.Equal(1, identity.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task Answer_for_another_tckn_is_reported_unverified()
    {
        await SeedAsync("ORDER-1001", Tckn);
        Merchant.KnowIdentity("ORDER-1001", OtherTckn);

        var answer = await CheckAsync(new { order = "ORDER-1001" });

        Assert.True(answer.GetProperty("verifyStatus").GetBoolean());
        Assert.False(answer.GetProperty("tcknMatches").GetBoolean());
        Assert.Equal("unverified", answer.GetProperty("outcome").GetString());
        Assert.Equal("unverified", (await Merchant.WaitForAsync(c => c.IsIdentity && c["notification_type"] != "verify")).Single()["notification_type"]);
    }

    [Fact]
    public async Task Status_false_is_reported_unverified()
    {
        await SeedAsync("ORDER-UNKNOWN-AT-MERCHANT", Tckn);

        var answer = await CheckAsync(new { order = "ORDER-UNKNOWN-AT-MERCHANT" });

        Assert.Equal(200, answer.GetProperty("verifyHttpStatus").GetInt32());
        Assert.False(answer.GetProperty("verifyStatus").GetBoolean());
        Assert.Equal("unverified", answer.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(503, """{"status":false,"tckn":null}""")]
    [InlineData(200, "OK")]
    [InlineData(200, """{"status":"true","tckn":"83fcc8be5da2c8bf544b52a5c9c0961b"}""")]
    public async Task An_answer_that_is_not_a_true_status_is_reported_unverified(int status, string body)
    {
        await SeedAsync("ORDER-1001", Tckn);
        Merchant.AnswerNext(1, status, body);

        var answer = await CheckAsync(new { order = "ORDER-1001", notify = false });

        Assert.Equal(status, answer.GetProperty("verifyHttpStatus").GetInt32());
        Assert.False(answer.GetProperty("verifyStatus").GetBoolean());
        Assert.Equal("unverified", answer.GetProperty("outcome").GetString());
        Assert.False(answer.GetProperty("notified").GetBoolean());
        Assert.Single(Merchant.Received);
    }

    [Fact]
    public async Task Test_transaction_keeps_its_tckno_for_the_check_and_a_given_tckno_overrides_it()
    {
        var token = await Client.NewTokenAsync();
        using (await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
                   [("code", "DEMO"), ("ref", "PG-ID"), ("amount", "10.50"), ("order", "ORDER-ID"), ("tckno", Tckn)]))
        {
        }

        Merchant.KnowIdentity("ORDER-ID", Tckn);

        Assert.Equal("verified", (await CheckAsync(new { order = "ORDER-ID", notify = false })).GetProperty("outcome").GetString());
        Assert.Equal("unverified", (await CheckAsync(new { order = "ORDER-ID", tckno = OtherTckn, notify = false })).GetProperty("outcome").GetString());
        Assert.Equal(2, Merchant.Received.Count(c => c.IsIdentity));
    }

    [Fact]
    public async Task The_tckn_is_not_echoed_by_the_seed_answer_nor_written_to_the_log()
    {
        var seeded = await Client.PostJsonAsync("/_sandbox/payments", new { order = "ORDER-1001", amount = "25.00", tckno = Tckn });
        Merchant.KnowIdentity("ORDER-1001", Tckn);

        await CheckAsync(new { order = "ORDER-1001" });

        Assert.DoesNotContain(Tckn, seeded.GetRawText());
        Assert.False(seeded.TryGetProperty("tckno", out _));
        await Fixture.Sandbox.Process.WaitForOutputAsync("Identity check of order ORDER-1001", RunningSandbox.Patience);
        Assert.DoesNotContain(Tckn, Fixture.Sandbox.Process.OutputText);
    }

    [Fact]
    public async Task Unknown_order_is_404_and_a_payment_without_a_tckn_or_a_bad_tckno_is_400()
    {
        await Client.SeedPaymentAsync("ORDER-NO-TCKN");

        using var unknown = await Client.Http.PostAsJsonAsync("/_sandbox/identity/verify", new { order = "ORDER-NONE" });
        using var noTckn = await Client.Http.PostAsJsonAsync("/_sandbox/identity/verify", new { order = "ORDER-NO-TCKN" });
        using var badTckn = await Client.Http.PostAsJsonAsync("/_sandbox/identity/verify", new { order = "ORDER-NO-TCKN", tckno = "12a" });
        using var noOrder = await Client.Http.PostAsJsonAsync("/_sandbox/identity/verify", new { tckno = Tckn });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("ORDER-NONE", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noTckn.StatusCode);
        Assert.Contains("tckno", await noTckn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badTckn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noOrder.StatusCode);
        Assert.Contains("order", await noOrder.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Tckn, await noOrder.Content.ReadAsStringAsync());
        Assert.Empty(Merchant.Received);
    }

    async Task<long> SeedAsync(string order, string tckno) =>
        (await Client.PostJsonAsync("/_sandbox/payments", new { order, amount = "25.00", tckno })).GetProperty("txid").GetInt64();

    Task<JsonElement> CheckAsync(object body) => Client.PostJsonAsync("/_sandbox/identity/verify", body);
}
