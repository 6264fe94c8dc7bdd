using System.Text.RegularExpressions;
using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Tokens;

public sealed partial class GetTokenTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Get_token_with_the_right_key_answers_a_token_in_Payguru_format()
    {
        var answer = await Client.GetTokenAsync();

        Assert.Equal("000", answer.Status);
        Assert.Equal("Success", answer.Message);
        Assert.Matches(BracedGuid(), answer.Token);
    }

    [Fact]
    public async Task Get_token_accepts_the_parameters_as_a_post_form()
    {
        var answer = await Client.PostFormAsync<TokenAnswer>(
            "/phs/getToken", token: null, merchant: null, ("merchant", Demo.MerchantId), ("key", Demo.TokenKey));

        Assert.Equal("000", answer.Status);
        Assert.NotNull(answer.Token);
    }

    [Fact]
    public async Task Get_token_with_a_wrong_key_answers_ERR_007_key_not_true()
    {
        var answer = await Client.GetTokenAsync(key: "0123456789abcdef0123456789abcdef");

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:key not true", answer.Message);
        Assert.Null(answer.Token);
    }

    [Fact]
    public async Task Get_token_checks_the_key_against_the_configured_server_ip()
    {
        var keyFromAnotherIp = Provider.Signing.PayguruKeys.Token(Demo.MerchantId, "123.123.123.123", Demo.MerchantKey);

        var answer = await Client.GetTokenAsync(key: keyFromAnotherIp);

        Assert.Equal("ERR_007", answer.Status);
    }

    [Fact]
    public async Task Get_token_for_an_unknown_merchant_answers_like_a_wrong_key()
    {
        var answer = await Client.GetTokenAsync(merchant: "999", key: Provider.Signing.PayguruKeys.Token("999", Demo.ServerIp, Demo.MerchantKey));

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:key not true", answer.Message);
    }

    [Fact]
    public async Task Get_token_without_the_key_answers_ERR_007_naming_it()
    {
        var answer = await Client.GetAsync<TokenAnswer>("/phs/getToken", token: null, merchant: null, ("merchant", Demo.MerchantId));

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:key required", answer.Message);
    }

    [Fact]
    public async Task A_new_token_invalidates_the_previous_one_by_default()
    {
        var first = await Client.NewTokenAsync();
        var second = await Client.NewTokenAsync();

        Assert.Equal("ERR_016", (await Check(first)).Status);
        Assert.Equal("000", (await Check(second)).Status);
    }

    [Fact]
    public async Task With_invalidation_turned_off_earlier_tokens_keep_working()
    {
        await Client.PatchSettingsAsync(new { newTokenInvalidatesPrevious = false });

        var first = await Client.NewTokenAsync();
        var second = await Client.NewTokenAsync();

        Assert.Equal("000", (await Check(first)).Status);
        Assert.Equal("000", (await Check(second)).Status);
    }

    [Fact]
    public async Task A_token_stops_working_after_the_token_lifetime()
    {
        await Client.PatchSettingsAsync(new { tokenLifetime = "00:00:02" });
        var token = await Client.NewTokenAsync();
        Assert.Equal("000", (await Check(token)).Status);

        // The sandbox's own clock ends it: wait for the refusal rather than for a guessed time.
        await Poll.WaitUntilAsync(async _ => (await Check(token)).Status, status => status == "ERR_016", RunningSandbox.Patience, "the token to expire");

        await Client.SeedPaymentAsync("ORDER-EXPIRED");
        Assert.Equal("ERR_016", (await Client.CreateRefundAsync(token, "ORDER-EXPIRED")).Status);
    }

    [Fact]
    public async Task Every_token_issued_is_counted()
    {
        await Client.NewTokenAsync();
        await Client.NewTokenAsync();

        Assert.Equal(2, (await Client.StatsAsync()).GetProperty("tokensIssued").GetInt64());
    }

    Task<PayguruResult> Check(string token) =>
        Client.GetAsync<PayguruResult>("/phs/getToken/check", token: null, merchant: null, ("merchant", Demo.MerchantId), ("token", token));

    [GeneratedRegex(@"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$")]
    private static partial Regex BracedGuid();
}
