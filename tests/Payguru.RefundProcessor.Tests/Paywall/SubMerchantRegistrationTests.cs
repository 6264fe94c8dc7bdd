using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Paywall;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Paywall;

/// <summary>
/// RegisterSubMerchant against the sandbox's member API: one member per external id (asked twice, answered twice
/// under one message id), Paywall's errors carried to SubMerchantRejected, validation before any call, a lost answer
/// resolved by Paywall's 409, and no personal data or key in the logs.
/// </summary>
public sealed class SubMerchantRegistrationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sub_merchant_is_registered_with_Paywalls_member_id_and_its_request_is_not_kept()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        var registered = await processor.RegisteredAsync(command.MemberExternalId);

        Assert.Equal(MessageIds.SubMerchantOutcome(command.MemberExternalId, "registered"), registered.MessageId);
        // The sandbox's member ids keep counting across its resets.
        Assert.True(registered.Message.PaywallMemberId > 0);
        Assert.Equal(command.MemberName, registered.Message.MemberName);
        Assert.Equal(1, await sandbox.MembersCreatedAsync());
        var row = Assert.Single(await processor.QueryAsync<(string State, long? MemberId, string? Request)>(
            "SELECT state, paywall_member_id, request FROM sub_merchants WHERE member_external_id = @Id;", new { Id = command.MemberExternalId }));
        Assert.Equal(("registered", registered.Message.PaywallMemberId, (string?)null), row);
    }

    [Fact]
    public async Task Same_external_id_twice_makes_one_member_and_answers_the_same_message_again()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        var first = await processor.RegisteredAsync(command.MemberExternalId);
        await processor.RegisterAsync(command with { MemberName = "Renamed" });
        var second = await processor.RegisteredAsync(command.MemberExternalId, count: 2);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal((first.Message.PaywallMemberId, first.Message.MemberName), (second.Message.PaywallMemberId, second.Message.MemberName));
        Assert.Equal(1, await sandbox.CallsAsync("paywall/member"));
        Assert.Equal(1, await sandbox.MembersCreatedAsync());
    }

    [Fact]
    public async Task Same_external_id_sent_together_makes_one_call()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        var command = PaywallHarness.Member();

        var messageIds = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => processor.PublishAsync(command)));
        foreach (var messageId in messageIds)
        {
            Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        }

        await processor.RegisteredAsync(command.MemberExternalId);
        Assert.Equal(1, await sandbox.CallsAsync("paywall/member"));
        Assert.Empty(processor.Published<SubMerchantRejected>());
    }

    [Fact]
    public async Task Paywall_error_is_carried_to_SubMerchantRejected_and_the_id_may_be_registered_again()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "error", code = "1001", message = "Busy", count = 1 });
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        var rejected = await processor.RejectedAsync(command.MemberExternalId);

        Assert.Equal((SubMerchantRejectionReasons.PaywallError, 1001), (rejected.Message.Reason, rejected.Message.PaywallErrorCode));
        Assert.Contains("Busy", rejected.Message.Message);
        Assert.Equal(MessageIds.SubMerchantOutcome(command.MemberExternalId, "rejected", 1), rejected.MessageId);

        await processor.RegisterAsync(command);
        var registered = await processor.RegisteredAsync(command.MemberExternalId);
        Assert.NotNull(registered.Message.PaywallMemberId);
        Assert.Equal(1, await sandbox.MembersCreatedAsync());
        Assert.Equal(2L, await processor.ScalarAsync<long>("SELECT registration FROM sub_merchants WHERE member_external_id = @Id;", new { Id = command.MemberExternalId }));
    }

    [Fact]
    public async Task Wrong_key_is_rejected_with_Paywalls_401()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox, new Dictionary<string, string?> { ["Paywall:ApiClientPublic"] = "wrong-client" });
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        var rejected = await processor.RejectedAsync(command.MemberExternalId);

        Assert.Equal((SubMerchantRejectionReasons.PaywallError, 401), (rejected.Message.Reason, rejected.Message.PaywallErrorCode));
        Assert.Equal(0, await sandbox.MembersCreatedAsync());
    }

    [Fact]
    public async Task A_member_made_by_someone_else_is_rejected_as_duplicate()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        var command = PaywallHarness.Member();
        await sandbox.Admin.PostPaywallMemberAsync(command.MemberExternalId);

        await processor.RegisterAsync(command);
        var rejected = await processor.RejectedAsync(command.MemberExternalId);

        Assert.Equal((SubMerchantRejectionReasons.DuplicateMember, 409), (rejected.Message.Reason, rejected.Message.PaywallErrorCode));
        Assert.Equal(1, await sandbox.MembersCreatedAsync());
    }

    [Fact]
    public async Task A_lost_answer_is_resolved_by_Paywalls_409_as_registered_without_a_second_member()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "drop", count = 1 });
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        var registered = await processor.RegisteredAsync(command.MemberExternalId);

        Assert.Null(registered.Message.PaywallMemberId);
        Assert.Equal(2, await sandbox.CallsAsync("paywall/member"));
        Assert.Equal(1, await sandbox.MembersCreatedAsync());
        Assert.Empty(processor.Published<SubMerchantRejected>());
    }

    [Fact]
    public async Task A_5xx_is_called_again_after_the_recheck_and_registers()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "status", status = 503, count = 1 });
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        await processor.RegisteredAsync(command.MemberExternalId);

        Assert.Equal(2, await sandbox.CallsAsync("paywall/member"));
        Assert.Equal(1, await sandbox.MembersCreatedAsync());
    }

    [Theory]
    [InlineData("iban", SubMerchantRejectionReasons.InvalidBankAccount)]
    [InlineData("tckn", SubMerchantRejectionReasons.InvalidTaxNumber)]
    [InlineData("email", SubMerchantRejectionReasons.InvalidEmail)]
    [InlineData("name", SubMerchantRejectionReasons.InvalidMember)]
    public async Task Invalid_command_is_rejected_before_any_call(string broken, string reason)
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox);
        var valid = PaywallHarness.Member();
        var command = broken switch
        {
            "iban" => valid with { BankAccounts = [new SubMerchantBankAccount(1, "Seed", "TR370006400012345678987654")] },
            "tckn" => valid with { MemberIdentityNumber = "10000000147" },
            "email" => valid with { MemberEmail = "no-at-sign" },
            _ => valid with { MemberName = "" },
        };

        await processor.RegisterAsync(command);
        var rejected = await processor.RejectedAsync(command.MemberExternalId);

        Assert.Equal(reason, rejected.Message.Reason);
        Assert.Null(rejected.Message.PaywallErrorCode);
        Assert.DoesNotContain("TR370006400012345678987654", rejected.Message.Message);
        Assert.Equal(0, await sandbox.CallsAsync("paywall/member"));
    }

    [Fact]
    public async Task Without_Paywall_settings_registration_is_rejected_as_not_configured()
    {
        await using var processor = await PaywallHarness.StartAsync(sandbox, new Dictionary<string, string?>
        {
            ["Paywall:BaseUrl"] = null,
            ["Paywall:MemberBaseUrl"] = null,
            ["Paywall:ApiKeyPublic"] = null,
            ["Paywall:ApiClientPublic"] = null,
        });
        var command = PaywallHarness.Member();

        await processor.RegisterAsync(command);
        var rejected = await processor.RejectedAsync(command.MemberExternalId);

        Assert.Equal(SubMerchantRejectionReasons.PaywallNotConfigured, rejected.Message.Reason);
        Assert.Equal(0, await sandbox.CallsAsync("paywall/member"));
    }

    [Fact]
    public async Task Registration_paths_log_no_IBAN_TCKN_tax_number_email_or_key()
    {
        var logs = new CapturedLogs();
        await using var processor = await PaywallHarness.StartAsync(sandbox, configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Debug);
        });
        var command = PaywallHarness.Member();
        await processor.RegisterAsync(command);
        await processor.RegisteredAsync(command.MemberExternalId);
        await sandbox.Admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "drop", count = 1 });
        var lost = PaywallHarness.Member();
        await processor.RegisterAsync(lost);
        await processor.RegisteredAsync(lost.MemberExternalId);
        var invalid = PaywallHarness.Member() with { MemberIdentityNumber = "10000000147" };
        await processor.RegisterAsync(invalid);
        await processor.RejectedAsync(invalid.MemberExternalId);

        var text = logs.Text;
        Assert.Contains(command.MemberExternalId, text);
        foreach (var secret in new[] { Demo.Iban, "TR80 0011", "10000000146", "10000000147", "4651176935", "member@paywall.one", "5554443322", Demo.PaywallKeyPublic, Demo.PaywallClientPublic })
        {
            Assert.DoesNotContain(secret, text);
        }
    }
}
