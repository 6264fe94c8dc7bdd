using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Tokens;

public sealed class CheckTokenTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Check_answers_000_Success_for_a_valid_token()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Check(Demo.MerchantId, token);

        Assert.Equal("000", answer.Status);
        Assert.Equal("Success", answer.Message);
    }

    [Fact]
    public async Task Check_accepts_the_parameters_as_a_post_form()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Client.PostFormAsync<PayguruResult>(
            "/phs/getToken/check", token: null, merchant: null, ("merchant", Demo.MerchantId), ("token", token));

        Assert.Equal("000", answer.Status);
    }

    [Fact]
    public async Task Check_answers_ERR_016_Invalid_Token_for_a_token_never_issued()
    {
        var answer = await Check(Demo.MerchantId, "{123-123-123}");

        Assert.Equal("ERR_016", answer.Status);
        Assert.Equal("Invalid Token", answer.Message);
    }

    [Fact]
    public async Task Check_answers_ERR_016_for_a_token_of_another_merchant()
    {
        var otherToken = await Client.NewTokenAsync(MerchantSandboxFixture.OtherMerchantId, OtherMerchantTokenKey);

        var answer = await Check(Demo.MerchantId, otherToken);

        Assert.Equal("ERR_016", answer.Status);
    }

    [Fact]
    public async Task Check_without_the_token_answers_ERR_007()
    {
        var answer = await Client.GetAsync<PayguruResult>("/phs/getToken/check", token: null, merchant: null, ("merchant", Demo.MerchantId));

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal("Invalid Request:token required", answer.Message);
    }

    [Fact]
    public async Task The_check_is_not_at_the_seeds_buggy_path_without_phs()
    {
        using var response = await Client.Http.GetAsync($"/getToken/check?merchant={Demo.MerchantId}&token=x");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    Task<PayguruResult> Check(string merchant, string token) =>
        Client.GetAsync<PayguruResult>("/phs/getToken/check", token: null, merchant: null, ("merchant", merchant), ("token", token));
}
