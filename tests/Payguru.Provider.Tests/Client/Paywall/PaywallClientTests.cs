using System.Text.Json;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Tests.Client.Infrastructure;
using Payguru.Provider.Wire.Paywall;
using Payguru.Testing;

namespace Payguru.Provider.Tests.Client.Paywall;

/// <summary>
/// The Paywall Refit clients against the sandbox over HTTP: both headers on every call, success bodies, Paywall's
/// error envelopes (sent under an error HTTP status) carried to the caller, no retried POST, and timeouts.
/// </summary>
public sealed class PaywallClientTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));
    PaywallClients _clients = null!;

    CancellationToken Deadline => _deadline.Token;

    public async Task InitializeAsync()
    {
        await sandbox.ResetAsync();
        _clients = new PaywallClients(sandbox.Url, RequestTimeout);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        _deadline.Dispose();
    }

    [Fact]
    public async Task Temp_token_is_issued_with_both_headers_and_its_scope()
    {
        var response = await _clients.Tokens.TempTokenAsync(new PaywallTempTokenRequest { ClientCardSave = true, ThreeDSession = false, ExpiryMin = 30 }, Deadline);

        var token = Assert.IsType<PaywallAnswer<PaywallTempTokenAnswer>.Succeeded>(PaywallAnswers.Read(response)).Body;
        Assert.True(Guid.TryParse(token.Token, out _));
        Assert.True(token.ExpiryDateTime > DateTimeOffset.UtcNow.AddMinutes(25), $"expiry {token.ExpiryDateTime:O}");
        Assert.True(token.Scope!.ClientCardSave);
        Assert.False(token.Scope.ThreeDSession);
        var sent = Assert.Single(_clients.Sent);
        Assert.Equal(("/api/paywall/temptoken", Demo.PaywallKeyPublic, Demo.PaywallClientPublic), (sent.Path, sent.KeyPublic, sent.ClientPublic));
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal(30, body.RootElement.GetProperty("ExpiryMin").GetInt32());
        Assert.Equal(1, (await Paywall()).GetProperty("tempTokensIssued").GetInt32());
    }

    [Fact]
    public async Task Wrong_key_is_refused_with_Paywalls_401_envelope_carried_to_the_caller()
    {
        await using var wrong = new PaywallClients(sandbox.Url, RequestTimeout, keyPublic: "not-the-key");

        var response = await wrong.Tokens.TempTokenAsync(new PaywallTempTokenRequest { ClientCardSave = false, ThreeDSession = true, ExpiryMin = 5 }, Deadline);

        var refused = Assert.IsType<PaywallAnswer<PaywallTempTokenAnswer>.Refused>(PaywallAnswers.Read(response));
        Assert.Equal((401, 401), (refused.ErrorCode, refused.HttpStatus));
        Assert.Contains("apikeypublic", refused.Message);
        Assert.Equal(0, (await Paywall()).GetProperty("tempTokensIssued").GetInt32());
    }

    [Fact]
    public async Task Invalid_body_is_refused_with_a_400_envelope_naming_the_field()
    {
        var response = await _clients.Tokens.TempTokenAsync(new PaywallTempTokenRequest { ClientCardSave = true, ThreeDSession = true, ExpiryMin = 31 }, Deadline);

        var refused = Assert.IsType<PaywallAnswer<PaywallTempTokenAnswer>.Refused>(PaywallAnswers.Read(response));
        Assert.Equal(400, refused.ErrorCode);
        Assert.Contains("ExpiryMin", refused.Message);
    }

    [Fact]
    public async Task Member_is_created_once_and_the_same_external_id_again_gets_the_409_envelope()
    {
        var request = Member("EXT-" + Guid.NewGuid().ToString("N")[..8]);

        var first = PaywallAnswers.Read(await _clients.Members.CreateMemberAsync(request, Deadline));
        var second = PaywallAnswers.Read(await _clients.Members.CreateMemberAsync(request, Deadline));

        var member = Assert.IsType<PaywallAnswer<PaywallMemberAnswer>.Succeeded>(first).Body;
        Assert.True(member.Id > 0);
        Assert.Equal((request.MemberExternalId, request.MemberName), (member.MemberExternalId, member.MemberName));
        var duplicate = Assert.IsType<PaywallAnswer<PaywallMemberAnswer>.Refused>(second);
        Assert.Equal(409, duplicate.ErrorCode);
        Assert.Contains(request.MemberExternalId, duplicate.Message);
        Assert.All(_clients.Sent, s => Assert.Equal(("/api/paywall/member", Demo.PaywallKeyPublic, Demo.PaywallClientPublic), (s.Path, s.KeyPublic, s.ClientPublic)));
        Assert.Equal(1, (await Paywall()).GetProperty("membersCreated").GetInt32());
    }

    [Fact]
    public async Task Paywall_error_code_in_a_200_envelope_is_carried_with_its_message()
    {
        await sandbox.AddFaultAsync(new { endpoint = "paywall/member", kind = "error", code = "1001", message = "Busy", count = 1 });

        var answer = PaywallAnswers.Read(await _clients.Members.CreateMemberAsync(Member("EXT-BUSY"), Deadline));

        var refused = Assert.IsType<PaywallAnswer<PaywallMemberAnswer>.Refused>(answer);
        Assert.Equal((1001, "Busy", 200), (refused.ErrorCode, refused.Message, refused.HttpStatus));
        Assert.Equal(0, (await Paywall()).GetProperty("membersCreated").GetInt32());
    }

    [Fact]
    public async Task A_5xx_without_an_envelope_is_unknown_and_the_member_post_is_not_retried()
    {
        await sandbox.AddFaultAsync(new { endpoint = "paywall/member", kind = "status", status = 503, count = 3 });

        var answer = PaywallAnswers.Read(await _clients.Members.CreateMemberAsync(Member("EXT-5XX"), Deadline));

        Assert.Contains("503", Assert.IsType<PaywallAnswer<PaywallMemberAnswer>.Unknown>(answer).Why);
        Assert.Single(_clients.Sent);
        Assert.Equal(1, (await sandbox.StatsAsync()).Calls("paywall/member"));
    }

    [Fact]
    public async Task An_answer_held_past_the_timeout_is_unknown_though_Paywall_made_the_member()
    {
        await sandbox.AddFaultAsync(new { endpoint = "paywall/member", kind = "hold", delayMs = 10000, count = 1 });

        var answer = await PaywallAnswers.CallAsync(token => _clients.Members.CreateMemberAsync(Member("EXT-HELD"), token), RequestTimeout * 2, Deadline);

        Assert.IsType<PaywallAnswer<PaywallMemberAnswer>.Unknown>(answer);
        Assert.Single(_clients.Sent);
        Assert.Equal(1, (await Paywall()).GetProperty("membersCreated").GetInt32());
    }

    async Task<JsonElement> Paywall() => (await sandbox.StatsAsync()).Json.GetProperty("paywall");

    static PaywallMemberRequest Member(string externalId) => new()
    {
        IsSubMerchant = true,
        MemberType = 1,
        MemberExternalId = externalId,
        MemberName = "Intranet Technology",
        MemberTitle = "Intranet Technology Yazılım A.S",
        MemberTaxNumber = "4651176935",
        MemberEmail = "member@paywall.one",
        BankAccounts = [new PaywallBankAccount { CurrencyId = 1, Title = "Ünvan", Iban = Demo.Iban }],
        ValueDate = new PaywallValueDate { CalculationType = 1, CalculationValue = 10, Commission = 10 },
    };
}
