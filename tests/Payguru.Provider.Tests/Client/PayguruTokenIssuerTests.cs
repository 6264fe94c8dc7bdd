using Payguru.Provider.Client;
using Payguru.Provider.Signing;
using Payguru.Provider.Tests.Client.Infrastructure;
using Payguru.Provider.Wire;
using Payguru.Testing;
using Refit;

namespace Payguru.Provider.Tests.Client;

/// <summary><see cref="PayguruTokenIssuer"/> against the sandbox: the md5 token key, and a refusal that names no key.</summary>
public sealed class PayguruTokenIssuerTests(SandboxFixture sandbox) : SandboxClientTest(sandbox)
{
    [Fact]
    public async Task The_right_merchant_key_gets_a_token()
    {
        var token = await Clients.Issuer.IssueAsync(Deadline);

        Assert.Matches("^\\{[0-9A-F-]+\\}$", token);
        var sent = Assert.Single(Clients.SentTo("/phs/getToken"));
        Assert.Null(sent.Token);
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(1, stats.GetTokenCalls);
        Assert.Equal(1, stats.TokensIssued);
    }

    [Fact]
    public async Task A_wrong_merchant_key_throws_err007_without_the_key_in_the_message()
    {
        const string wrongKey = "wrong-merchant-key-6f1d";
        await using var clients = new PayguruClients(Sandbox.Url, RequestTimeout, merchantKey: wrongKey);

        var error = await Assert.ThrowsAsync<PayguruTokenException>(() => clients.Issuer.IssueAsync(Deadline));

        Assert.Equal(PayguruStatusCodes.InvalidRequest, error.Status);
        Assert.Contains("ERR_007", error.Message);
        Assert.DoesNotContain(wrongKey, error.ToString());
        Assert.DoesNotContain(PayguruKeys.Token(PayguruClients.MerchantId, "127.0.0.1", wrongKey), error.ToString());
        Assert.DoesNotContain(PayguruClients.MerchantKey, error.ToString());
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(1, stats.GetTokenCalls);
        Assert.Equal(0, stats.TokensIssued);
    }

    [Fact]
    public async Task A_refused_token_fails_the_authenticated_call_without_sending_it()
    {
        await using var clients = new PayguruClients(Sandbox.Url, RequestTimeout, merchantKey: "wrong-merchant-key");

        // The token source's exception comes out of the handler chain wrapped by Refit: an ApiRequestException from a
        // Task<T> method (an IApiResponse<T> method puts the same in its Error), with the PayguruTokenException inside.
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => clients.Refunds.GetByOrderAsync("ORDER-1", Deadline));
        var refused = Assert.IsType<PayguruTokenException>(error.InnerException);
        Assert.Equal(PayguruStatusCodes.InvalidRequest, refused.Status);
        Assert.DoesNotContain("wrong-merchant-key", error.ToString());

        var create = await clients.Refunds.CreateAsync(
            RefundCreateForm.Create(PayguruClients.ServiceCode, "1.00", "ORDER-1", "Qwe ASD", Iban), Deadline);
        Assert.Null(create.StatusCode);
        Assert.IsType<PayguruTokenException>(Assert.IsType<ApiRequestException>(create.Error).InnerException);

        Assert.Empty(clients.SentTo("/phs/refund/create"));
        Assert.Empty(clients.SentTo("/phs/refund/getByOrder"));
        Assert.Equal(0, (await Sandbox.StatsAsync()).GetByOrderCalls);
    }
}
