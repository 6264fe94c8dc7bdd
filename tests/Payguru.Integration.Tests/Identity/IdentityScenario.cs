using System.Text.Json;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Identity;

/// <summary>
/// What the identity tests share: the TCKN of docs/protocol.md §7, the sandbox's identity check
/// (<c>POST /_sandbox/identity/verify</c>) and a payment Payguru knows with the TCKN it was made with.
/// </summary>
public static class IdentityScenario
{
    public const string Tckn = "10000000146";

    /// <summary>md5(Tckn + "sk-secret"): what the processor keeps and the gateway answers for DEMO.</summary>
    public const string DemoAnswer = "83fcc8be5da2c8bf544b52a5c9c0961b";

    /// <summary>Another valid TCKN: the customer Payguru sees is not the one the shop registered.</summary>
    public const string OtherTckn = "12345678950";

    /// <summary>
    /// The gateway waiting the longest <c>Gateway:IdentityTimeout</c> allowed (8 s, still under the sandbox's 10 s callback
    /// timeout): a processor that just started answers its first request slowly on a shared machine.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PatientGateway { get; } =
        new Dictionary<string, string?> { ["Gateway__IdentityTimeout"] = "00:00:08" };

    /// <summary>A payment of <paramref name="order"/> the sandbox knows, made with <paramref name="tckno"/>; returns its txid.</summary>
    public static async Task<long> SeedPaymentWithTcknAsync(this SandboxClient sandbox, string order, string tckno) =>
        (await sandbox.PostJsonAsync("/_sandbox/payments", new { order, amount = "25.00", tckno })).GetProperty("txid").GetInt64();

    /// <summary>Payguru's identity check of the order's payment: verify, then (unless told not to) verified or unverified.</summary>
    public static Task<JsonElement> CheckIdentityAsync(this SandboxClient sandbox, string order, string? tckno = null, bool notify = true) =>
        sandbox.PostJsonAsync("/_sandbox/identity/verify", new { order, tckno, notify });

    /// <summary>How many hashes the processor keeps for the order.</summary>
    public static Task<long> StoredHashesAsync(this DemoSystem system, string order) =>
        system.Database.CountAsync("order_identities", "order_ref = $order", new Dictionary<string, object?> { ["$order"] = order });

    /// <summary>Polls until the processor keeps <paramref name="expected"/> hashes for the order.</summary>
    public static Task<long> WaitForStoredHashesAsync(this DemoSystem system, string order, long expected) =>
        system.Database.WaitForCountAsync("order_identities", expected, TimeSpan.FromSeconds(60), "order_ref = $order",
            new Dictionary<string, object?> { ["$order"] = order });

    /// <summary>
    /// The sandbox's callbacks go to <paramref name="gatewayUrl"/> in <paramref name="form"/>, retried quickly, each waiting
    /// up to 30 s for the gateway (a loaded machine can stretch the gateway's 8 s wait); <paramref name="extra"/> over that.
    /// </summary>
    public static Task<RunningSandbox> StartSandboxAsync(string gatewayUrl, string form = "Query", IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = gatewayUrl,
            ["Sandbox__Callbacks__RetryDelay"] = "00:00:00.200",
            ["Sandbox__Callbacks__MaxRetryDelay"] = "00:00:01",
            ["Sandbox__Callbacks__Form"] = form,
            ["Sandbox__Callbacks__Timeout"] = "00:00:30",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return RunningSandbox.StartAsync(environment);
    }

    /// <summary>Fails when any of the processes wrote the TCKN (or its hash, which stands for it) to its output.</summary>
    public static void AssertNoTcknInOutput(params ServiceProcess[] processes)
    {
        foreach (var process in processes)
        {
            foreach (var secret in new[] { Tckn, OtherTckn, DemoAnswer })
            {
                Assert.False(process.OutputText.Contains(secret, StringComparison.Ordinal), $"{process} wrote {secret}:\n{process.FormatOutput()}");
            }
        }
    }
}
