using Payguru.Contracts.Paywall;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Paywall;

/// <summary>
/// IssueClientToken against the sandbox's temptoken: the token and its expiry; Paywall's refusals (wrong key, an
/// error code) carried with their code and message; a timeout; Paywall not configured; no inbox record.
/// </summary>
public sealed class ClientTokenTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Client_token_is_issued_with_its_expiry_and_scope_and_nothing_is_recorded()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);

        var answer = await processor.IssueClientTokenAsync(new IssueClientToken(ClientCardSave: true, ThreeDSession: false, ExpiryMin: 15));

        var issued = Assert.IsType<ClientTokenIssued>(answer);
        Assert.True(Guid.TryParse(issued.Token, out _));
        Assert.InRange(issued.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(20));
        Assert.Equal((true, false), (issued.ClientCardSave, issued.ThreeDSession));
        Assert.DoesNotContain(issued.Token, issued.ToString());
        Assert.Equal(1, await sandbox.CallsAsync("paywall/temptoken"));
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
    }

    [Fact]
    public async Task Wrong_key_is_refused_with_Paywalls_401_and_message()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox, new Dictionary<string, string?> { ["Paywall:ApiKeyPublic"] = "wrong-key" });

        var refused = Assert.IsType<ClientTokenRefused>(await processor.IssueClientTokenAsync(new IssueClientToken(false, true, 5)));

        Assert.Equal((ClientTokenRefusalReasons.PaywallError, 401), (refused.Reason, refused.PaywallErrorCode));
        Assert.Contains("apikeypublic", refused.Message);
        Assert.DoesNotContain("wrong-key", refused.Message);
    }

    [Fact]
    public async Task Paywall_error_code_is_carried()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "paywall/temptoken", kind = "error", code = "2002", message = "Limit exceeded", status = 400, count = 1 });

        var refused = Assert.IsType<ClientTokenRefused>(await processor.IssueClientTokenAsync(new IssueClientToken(true, true, 30)));

        Assert.Equal((ClientTokenRefusalReasons.PaywallError, 2002, "Limit exceeded"), (refused.Reason, refused.PaywallErrorCode, refused.Message));
    }

    [Fact]
    public async Task Paywall_holding_its_answer_past_the_timeout_is_unavailable_and_asked_once()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "paywall/temptoken", kind = "hold", delayMs = 15000, count = 1 });

        var refused = Assert.IsType<ClientTokenRefused>(await processor.IssueClientTokenAsync(new IssueClientToken(true, false, 1)));

        Assert.Equal((ClientTokenRefusalReasons.PaywallUnavailable, (int?)null), (refused.Reason, refused.PaywallErrorCode));
        Assert.Equal(1, await sandbox.CallsAsync("paywall/temptoken"));
    }

    [Fact]
    public async Task Expiry_past_thirty_minutes_is_refused_without_asking_Paywall()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);

        var refused = Assert.IsType<ClientTokenRefused>(await processor.IssueClientTokenAsync(new IssueClientToken(true, false, 31)));

        Assert.Equal(ClientTokenRefusalReasons.InvalidExpiry, refused.Reason);
        Assert.Equal(0, await sandbox.CallsAsync("paywall/temptoken"));
    }

    [Fact]
    public async Task Without_Paywall_settings_the_processor_starts_and_refuses_with_paywall_not_configured()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox, new Dictionary<string, string?>
        {
            ["Paywall:BaseUrl"] = null,
            ["Paywall:MemberBaseUrl"] = null,
            ["Paywall:ApiKeyPublic"] = null,
            ["Paywall:ApiClientPublic"] = null,
        });

        var refused = Assert.IsType<ClientTokenRefused>(await processor.IssueClientTokenAsync(new IssueClientToken(true, false, 10)));

        Assert.Equal(ClientTokenRefusalReasons.PaywallNotConfigured, refused.Reason);
        Assert.Contains("Paywall:ApiKeyPublic", refused.Message);
        Assert.Equal(0, await sandbox.CallsAsync("paywall/temptoken"));
    }
}
