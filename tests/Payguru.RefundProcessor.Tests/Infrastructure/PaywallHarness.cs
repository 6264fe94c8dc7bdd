using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Paywall;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Infrastructure;

/// <summary>
/// The processor with Paywall (clients, client token issuer, sub-merchant registrar and sweep) on the in-memory
/// harness, calling the real sandbox over HTTP with its demo Paywall credentials and short waits.
/// </summary>
public static class PaywallHarness
{
    /// <summary>Paywall at the sandbox with the demo credentials, a 2 s call timeout and short recovery waits.</summary>
    public static Dictionary<string, string?> Settings(string sandboxUrl) => new()
    {
        ["Paywall:BaseUrl"] = sandboxUrl,
        ["Paywall:MemberBaseUrl"] = sandboxUrl,
        ["Paywall:ApiKeyPublic"] = Demo.PaywallKeyPublic,
        ["Paywall:ApiClientPublic"] = Demo.PaywallClientPublic,
        ["Paywall:RequestTimeout"] = "00:00:02",
        ["SubMerchants:RecheckAfter"] = "00:00:00.500",
        ["SubMerchants:SweepInterval"] = "00:00:00.200",
    };

    /// <param name="overrides">Settings over <see cref="Settings"/>; a null value removes the setting.</param>
    public static Task<ProcessorHarness> StartAsync(SandboxFixture sandbox, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = Settings(sandbox.Url);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return ProcessorHarness.StartAsync(settings: settings, configureServices: services =>
        {
            services.AddProcessorPaywall();
            configureServices?.Invoke(services);
        });
    }

    /// <summary>The seed's member with a valid IBAN and a valid TCKN, under a new external id.</summary>
    public static RegisterSubMerchant Member(string? externalId = null) => new(
        externalId ?? $"EXT-{Guid.NewGuid():N}", 1, "Intranet Technology", "Intranet Technology Yazılım A.S", "Besiktas", "4651176935",
        "10000000146", "member@paywall.one", "5554443322", "test adresi", "Member Name", "Lastname",
        [new SubMerchantBankAccount(1, "Ünvan", "TR80 0011 1000 0000 0036 8884 59")], new SubMerchantValueDate(1, 10, 10));

    /// <summary>Publishes <paramref name="command"/> under a new message id and waits until its handling (and the call after it) finished.</summary>
    public static async Task<Guid> RegisterAsync(this ProcessorHarness processor, RegisterSubMerchant command)
    {
        var messageId = await processor.PublishAsync(command);
        var finished = Assert.Single(await processor.FinishedAsync(messageId));
        Assert.False(finished.Faulted, $"RegisterSubMerchant {messageId} faulted: {finished.Exception}");
        return messageId;
    }

    public static async Task<Published<SubMerchantRegistered>> RegisteredAsync(this ProcessorHarness processor, string externalId, int count = 1) =>
        (await processor.PublishedAsync<SubMerchantRegistered>(m => m.MemberExternalId == externalId, count))[count - 1];

    public static async Task<Published<SubMerchantRejected>> RejectedAsync(this ProcessorHarness processor, string externalId, int count = 1) =>
        (await processor.PublishedAsync<SubMerchantRejected>(m => m.MemberExternalId == externalId, count))[count - 1];

    /// <summary>Asks for a client token as the gateway does and returns the answer.</summary>
    public static async Task<object> IssueClientTokenAsync(this ProcessorHarness processor, IssueClientToken request)
    {
        var client = processor.Harness.GetRequestClient<IssueClientToken>();
        var response = await client.GetResponse<ClientTokenIssued, ClientTokenRefused>(request, default, RequestTimeout.After(s: 20));
        if (response.Is(out Response<ClientTokenIssued>? issued))
        {
            return issued.Message;
        }

        Assert.True(response.Is(out Response<ClientTokenRefused>? refused));
        return refused!.Message;
    }

    /// <summary>How many members the sandbox made since its reset.</summary>
    public static async Task<int> MembersCreatedAsync(this SandboxFixture sandbox) =>
        (await sandbox.Admin.StatsAsync()).GetProperty("paywall").GetProperty("membersCreated").GetInt32();
}
