using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Infrastructure;

/// <summary>
/// One real sandbox process per test class (<c>IClassFixture</c>), reached over HTTP like Payguru.
/// Its callbacks go to a port nobody listens on. Tests call <see cref="ResetAsync"/> first: no
/// tokens, payments, refunds, faults or counters are left from the test before.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    RunningSandbox? _sandbox;
    SandboxClient? _admin;

    public string Url => (_sandbox ?? throw NotStarted()).Url;

    public SandboxClient Admin => _admin ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        _sandbox = await RunningSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = FreePort.NextHttpUrl(),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        _admin = new SandboxClient(_sandbox.Url);
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    public Task ResetAsync() => Admin.ResetAsync();

    /// <summary>How many calls the sandbox counted on <paramref name="endpoint"/> (<c>refund/create</c>, <c>getToken</c>, …).</summary>
    public async Task<int> CallsAsync(string endpoint) =>
        (await Admin.StatsAsync()).GetProperty("calls").GetProperty(endpoint).GetInt32();

    /// <summary>How many refunds the sandbox has made since the reset.</summary>
    public async Task<int> RefundsCreatedAsync() => (await Admin.StatsAsync()).GetProperty("refundsCreated").GetInt32();

    /// <summary>The refunds the sandbox holds for <paramref name="order"/>, as <c>refund/getByOrder</c> shows them (a new token: call it last).</summary>
    public async Task<IReadOnlyList<(long Id, string Amount, int Status)>> RefundsOfOrderAsync(string order)
    {
        var token = await Admin.NewTokenAsync();
        var answer = await Admin.GetRefundsByOrderAsync(token, order);
        return (answer.Data ?? []).Select(r => (r.Id, r.Amount, r.Status)).ToList();
    }

    public override string ToString() => _sandbox?.ToString() ?? "sandbox (not started)";

    static InvalidOperationException NotStarted() => new("The sandbox fixture has not started.");
}
