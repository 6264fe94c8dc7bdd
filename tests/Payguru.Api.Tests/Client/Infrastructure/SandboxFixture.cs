using System.Text.Json;
using Payguru.Testing;

namespace Payguru.Api.Tests.Client.Infrastructure;

/// <summary>
/// The built sandbox (tools/Payguru.Sandbox) running as a real process on a free port, one per test class, and a
/// client of its admin API. It runs with its default configuration, the demo credentials (<see cref="Demo"/>):
/// merchant 123, key mk-secret, server IP 127.0.0.1, service DEMO/sk-secret.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public RunningSandbox Sandbox { get; private set; } = null!;

    /// <summary>For the admin API only; the code under test has its own clients.</summary>
    public SandboxClient Admin { get; private set; } = null!;

    public string Url => Sandbox.Url;

    public async Task InitializeAsync()
    {
        Sandbox = await RunningSandbox.StartAsync();
        Admin = new SandboxClient(Sandbox.Url, TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }

    /// <summary>Clears tokens, payments, refunds, faults and counters.</summary>
    public Task ResetAsync() => Admin.ResetAsync();

    /// <summary>A payment Payguru knows of, so that refunds of <paramref name="order"/> work.</summary>
    public Task SeedPaymentAsync(string order, string amount = "10.50") => Admin.SeedPaymentAsync(order, amount);

    public Task AddFaultAsync(object spec) => Admin.AddFaultAsync(spec);

    /// <summary>Ends every token: the next authenticated call gets ERR_016.</summary>
    public Task InvalidateTokensAsync() => Admin.PostJsonAsync("/_sandbox/tokens/invalidate", null);

    public async Task<SandboxStats> StatsAsync() => new(await Admin.StatsAsync());
}

/// <summary>The counters of <c>GET /_sandbox/stats</c> these tests look at.</summary>
public sealed record SandboxStats(JsonElement Json)
{
    public int Calls(string endpoint) => Json.GetProperty("calls").GetProperty(endpoint).GetInt32();

    public int CreateCalls => Calls("refund/create");

    public int GetTokenCalls => Calls("getToken");

    public int GetByOrderCalls => Calls("refund/getByOrder");

    public int RefundsCreated => Json.GetProperty("refundsCreated").GetInt32();

    public int TokensIssued => Json.GetProperty("tokensIssued").GetInt32();

    public override string ToString() => Json.GetRawText();
}
