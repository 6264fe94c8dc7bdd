using System.Net;
using Payguru.Provider.Tests.Client.Infrastructure;
using Payguru.Provider.Wire;
using Payguru.Testing;

namespace Payguru.Provider.Tests.Client;

/// <summary>
/// The <c>merchant</c> and <c>token</c> headers and the one refresh and one resend on <c>ERR_016</c>
/// (invariant 7, docs/architecture.md), through <c>AddPayguruClients</c>, against the sandbox over HTTP.
/// </summary>
public sealed class PayguruAuthenticationHandlerTests(SandboxFixture sandbox) : SandboxClientTest(sandbox)
{
    const string CreatePath = "/phs/refund/create";

    [Fact]
    public async Task Create_with_a_valid_token_sends_the_merchant_and_token_headers_and_returns_a_refund_id()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");

        var response = await CreateAsync(order, "1.50", "Çağrı Öz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PayguruStatusCodes.Success, response.Content!.Status);
        Assert.False(string.IsNullOrEmpty(response.Content.RefundId));
        Assert.True(long.TryParse(response.Content.RefundId, out _), response.Content.RefundId);

        var sent = Assert.Single(Clients.SentTo(CreatePath));
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(PayguruClients.MerchantId, sent.Merchant);
        Assert.NotNull(Clients.Tokens.Current);
        Assert.Equal(Clients.Tokens.Current, sent.Token);

        // The token came from getToken, which carries no token header of its own.
        var tokenCall = Assert.Single(Clients.SentTo("/phs/getToken"));
        Assert.Null(tokenCall.Token);

        var stats = await Sandbox.StatsAsync();
        Assert.Equal(1, stats.CreateCalls);
        Assert.Equal(1, stats.RefundsCreated);
        Assert.Equal(1, stats.GetTokenCalls);
        Assert.Equal(0, Clients.Tokens.Refreshes);
    }

    [Theory]
    [InlineData("Çağrı Öz")]
    [InlineData("İsmail Şahin-Ğüç")]
    [InlineData("A&B=C+D %20 ;?/")]
    public async Task The_contact_name_with_spaces_and_non_ascii_letters_arrives_intact(string name)
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");

        var id = await CreatedAsync(order, "1.50", name);
        var answer = await Clients.Refunds.GetAsync(id, Deadline);

        Assert.Equal(PayguruStatusCodes.Success, answer.Status);
        var refund = Assert.Single(answer.Data!);
        Assert.Equal(id, refund.Id);
        Assert.Equal(name, refund.RefundContact);
        Assert.Equal(Iban, refund.RefundIban);
        Assert.Equal("1.50", refund.Amount);
        Assert.Equal(1, refund.Status);
    }

    [Fact]
    public async Task After_the_tokens_are_invalidated_create_refreshes_once_resends_once_and_makes_one_refund()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        var firstToken = await Clients.Tokens.GetTokenAsync(Deadline);
        var before = await Sandbox.StatsAsync();
        Assert.Equal(1, before.GetTokenCalls);

        await Sandbox.InvalidateTokensAsync();
        var response = await CreateAsync(order, "2.00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PayguruStatusCodes.Success, response.Content!.Status);
        Assert.False(string.IsNullOrEmpty(response.Content.RefundId));

        Assert.Equal(1, Clients.Tokens.Refreshes);
        Assert.Equal([firstToken], Clients.Tokens.Rejected);
        var after = await Sandbox.StatsAsync();
        Assert.Equal(before.GetTokenCalls + 1, after.GetTokenCalls);
        Assert.Equal(2, after.CreateCalls);      // the call with the old token and the one resend
        Assert.Equal(1, after.RefundsCreated);   // the ERR_016 call did nothing

        // The resend is the same form with the new token.
        var creates = Clients.SentTo(CreatePath);
        Assert.Equal(2, creates.Count);
        Assert.Equal(firstToken, creates[0].Token);
        Assert.Equal(Clients.Tokens.Current, creates[1].Token);
        Assert.NotEqual(firstToken, creates[1].Token);
        Assert.All(creates, c => Assert.Equal(PayguruClients.MerchantId, c.Merchant));
        Assert.Equal(creates[0].Body, creates[1].Body);
        Assert.Contains("amount=2.00", creates[1].Body);

        var refunds = await Clients.Refunds.GetByOrderAsync(order, Deadline);
        var refund = Assert.Single(refunds.Data!);
        Assert.Equal("2.00", refund.Amount);
        Assert.Equal("Qwe ASD", refund.RefundContact);
    }

    [Fact]
    public async Task After_the_tokens_are_invalidated_a_get_refreshes_once_and_succeeds()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await CreatedAsync(order);

        await Sandbox.InvalidateTokensAsync();
        var answer = await Clients.Refunds.GetByOrderAsync(order, Deadline);

        Assert.Equal(PayguruStatusCodes.Success, answer.Status);
        Assert.Single(answer.Data!);
        Assert.Equal(1, Clients.Tokens.Refreshes);
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(2, stats.GetByOrderCalls);
        Assert.Equal(2, stats.GetTokenCalls);
    }

    [Fact]
    public async Task An_err016_on_every_call_goes_back_to_the_caller_after_one_refresh_and_two_creates()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await Sandbox.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = PayguruStatusCodes.InvalidToken });

        var response = await CreateAsync(order);

        // ERR_016 comes in an HTTP 200, so Refit reads it as a successful answer carrying the error code.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PayguruStatusCodes.InvalidToken, response.Content!.Status);
        Assert.Null(response.Content.RefundId);

        Assert.Equal(1, Clients.Tokens.Refreshes);
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(2, stats.CreateCalls);
        Assert.Equal(2, stats.GetTokenCalls);
        Assert.Equal(0, stats.RefundsCreated);
        Assert.Equal(2, Clients.SentTo(CreatePath).Count);
    }

    [Fact]
    public async Task Another_error_code_is_carried_through_without_a_refresh()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await Sandbox.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_999", message = "Something new ERR_016", count = 1 });

        var response = await CreateAsync(order);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ERR_999", response.Content!.Status);
        Assert.Equal(0, Clients.Tokens.Refreshes);
        Assert.Equal(1, (await Sandbox.StatsAsync()).CreateCalls);
    }
}
