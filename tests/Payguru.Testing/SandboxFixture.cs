using Xunit;

namespace Payguru.Testing;

/// <summary>
/// The built sandbox (tools/Payguru.Sandbox) running as a real process on a free port, shared by the tests of a
/// class or collection, reached over HTTP like Payguru, and a client of its admin API. By default it runs with the
/// demo credentials (<see cref="Demo"/>) and sends its callbacks to a port nobody listens on; a fixture of its own
/// gives it other settings (<see cref="Environment"/>). Tests call <see cref="ResetAsync"/> first: no tokens,
/// payments, refunds, faults or counters are left from the test before.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    RunningSandbox? _sandbox;
    SandboxClient? _admin;

    public RunningSandbox Sandbox => _sandbox ?? throw NotStarted();

    public string Url => Sandbox.Url;

    /// <summary>For the admin API (and plain protocol calls); the code under test has its own clients.</summary>
    public SandboxClient Admin => _admin ?? throw NotStarted();

    public virtual async Task InitializeAsync()
    {
        _sandbox = await RunningSandbox.StartAsync(await Environment());
        _admin = new SandboxClient(_sandbox.Url);
    }

    public virtual async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    /// <summary>Clears tokens, payments, refunds, faults and counters.</summary>
    public virtual Task ResetAsync() => Admin.ResetAsync();

    /// <summary>A payment Payguru knows of, so that refunds of <paramref name="order"/> work.</summary>
    public Task SeedPaymentAsync(string order, string amount = "10.50") => Admin.SeedPaymentAsync(order, amount);

    public Task AddFaultAsync(object spec) => Admin.AddFaultAsync(spec);

    /// <summary>Ends every token: the next authenticated call gets ERR_016.</summary>
    public Task InvalidateTokensAsync() => Admin.PostJsonAsync("/_sandbox/tokens/invalidate", null);

    public async Task<SandboxStats> StatsAsync() => new(await Admin.StatsAsync());

    /// <summary>How many calls the sandbox counted on <paramref name="endpoint"/> (<c>refund/create</c>, <c>getToken</c>, …).</summary>
    public async Task<int> CallsAsync(string endpoint) => (await StatsAsync()).Calls(endpoint);

    /// <summary>
    /// Waits until the sandbox has finished every call it got (latency and hold faults included): after it,
    /// no call a client has sent can still take effect.
    /// </summary>
    public Task WaitUntilIdleAsync() =>
        Poll.WaitUntilAsync(_ => StatsAsync(), stats => stats.CallsInFlight == 0, RunningSandbox.Patience, "the sandbox to finish every call it got");

    /// <summary>How many refunds the sandbox has made since the reset.</summary>
    public async Task<int> RefundsCreatedAsync() => (await StatsAsync()).RefundsCreated;

    /// <summary>The refunds the sandbox holds for <paramref name="order"/>, as <c>refund/getByOrder</c> shows them (a new token: call it last).</summary>
    public async Task<IReadOnlyList<(long Id, string Amount, int Status)>> RefundsOfOrderAsync(string order)
    {
        var token = await Admin.NewTokenAsync();
        var answer = await Admin.GetRefundsByOrderAsync(token, order);
        return (answer.Data ?? []).Select(r => (r.Id, r.Amount, r.Status)).ToList();
    }

    public override string ToString() => _sandbox?.ToString() ?? "sandbox (not started)";

    /// <summary>The sandbox's settings as environment variables.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> Environment() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = FreePort.NextHttpUrl(),
            ["Logging__LogLevel__Default"] = "Warning",
        });

    static InvalidOperationException NotStarted() => new("The sandbox fixture has not started.");
}
