using Payguru.Provider.Client;
using Payguru.Provider.Wire;
using Payguru.Testing;
using Refit;

namespace Payguru.Provider.Tests.Client.Infrastructure;

/// <summary>
/// A test of the Payguru clients against the sandbox of its class: it starts from a reset sandbox, with fresh clients
/// (a short request timeout) and a fresh token source.
/// </summary>
public abstract class SandboxClientTest(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public const string Iban = Demo.Iban;

    /// <summary>Short, so that a held answer fails the call soon; long enough for a loaded 2-core machine.</summary>
    protected static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    protected SandboxFixture Sandbox { get; } = sandbox;

    protected PayguruClients Clients { get; private set; } = null!;

    /// <summary>A bound for each test's calls, so that a hang fails the test instead of the run.</summary>
    protected CancellationToken Deadline => _deadline.Token;

    readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));

    /// <summary>An order nobody else uses.</summary>
    protected static string NewOrder() => "ORDER-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        await Sandbox.ResetAsync();
        Clients = new PayguruClients(Sandbox.Url, RequestTimeout);
    }

    public async Task DisposeAsync()
    {
        await Clients.DisposeAsync();
        _deadline.Dispose();
    }

    protected Task<IApiResponse<RefundCreateAnswer>> CreateAsync(string order, string amount = "1.50", string name = "Qwe ASD", string iban = Iban) =>
        Clients.Refunds.CreateAsync(RefundCreateForm.Create(PayguruClients.ServiceCode, amount, order, name, iban), Deadline);

    /// <summary>A refund/create the sandbox must accept; its refund id.</summary>
    protected async Task<long> CreatedAsync(string order, string amount = "1.50", string name = "Qwe ASD")
    {
        var response = await CreateAsync(order, amount, name);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        Assert.Equal(PayguruStatusCodes.Success, response.Content!.Status);
        return long.Parse(response.Content.RefundId!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
