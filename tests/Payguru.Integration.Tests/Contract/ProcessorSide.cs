using System.Globalization;
using MassTransit;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Testing.Events;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Contract;

/// <summary>
/// The real thing: the processor and the gateway as processes on a virtual host of their own, the sandbox as Payguru and
/// Paywall over HTTP, and a MassTransit bus on RabbitMQ as the service.
/// </summary>
public sealed class ProcessorSide : IContractSide
{
    readonly List<IAsyncDisposable> _owned = [];
    readonly TempDirectory _directory = new();
    SandboxClient _admin = null!;
    DemoSystem _system = null!;
    IBusControl _bus = null!;

    public IBus Bus => _bus;

    public static async Task<ProcessorSide> StartAsync(RabbitMqBroker broker, ITestOutputHelper output)
    {
        var side = new ProcessorSide();
        try
        {
            var vhost = await broker.CreateVirtualHostAsync();
            side._owned.Add(vhost);
            var gatewayUrl = FreePort.NextHttpUrl();
            var sandbox = await DemoSystem.StartSandboxAsync(gatewayUrl);
            side._owned.Add(sandbox);
            side._admin = new SandboxClient(sandbox.Url);
            side._system = new DemoSystem(vhost, side._directory, output);
            var (gateway, client) = await side._system.StartGatewayAsync(url: gatewayUrl);
            client.Dispose();
            side._owned.Add(gateway);
            var settings = DemoSystem.RefundSettings(sandbox);
            foreach (var (name, value) in DemoSystem.PaywallSettings(sandbox))
            {
                settings[name] = value;
            }

            side._owned.Add(await side._system.StartProcessorAsync(settings: settings));
            side._bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(RabbitMqBroker.Host, RabbitMqBroker.Port, vhost.Name, h =>
            {
                h.Username(RabbitMqBroker.Username);
                h.Password(RabbitMqBroker.Password);
            }));
            await side._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            return side;
        }
        catch
        {
            await side.DisposeAsync();
            throw;
        }
    }

    public async Task PayAsync(ContractStep.Pay payment, string payguruCode)
    {
        await _admin.SeedPaymentAsync(payment.Order, payment.Amount.ToString("0.00", CultureInfo.InvariantCulture), payguruCode);
        await GatewayEvents.PaymentAccepted(payment.Txid, payment.Order, payment.Amount, payguruCode: payguruCode).PublishAsync(_bus);
        await _system.Database.WaitForCountAsync("payments", 1, TimeSpan.FromSeconds(60), $"txid = {payment.Txid}");
    }

    public Task RefuseNextRefundAsync(string code, string message) =>
        _admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code, message, count = 1 });

    public async Task PayRefundAsync(long refundId)
    {
        // The sandbox notifies the gateway, which publishes RefundSettled; done once the processor recorded it.
        await _admin.MoveRefundAsync(refundId, new { status = RefundStatuses.Paid });
        await _system.Database.WaitForCountAsync("refund_results", 1, TimeSpan.FromSeconds(60), $"refund_id = {refundId} AND status = {RefundStatuses.Paid}");
    }

    public Task RefuseNextMemberAsync(int code, string message) =>
        _admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "error", code = code.ToString(CultureInfo.InvariantCulture), message, count = 1 });

    public Task RefuseNextTokenAsync(int code, string message) =>
        _admin.AddFaultAsync(new { endpoint = "paywall/temptoken", kind = "error", code = code.ToString(CultureInfo.InvariantCulture), message, count = 1 });

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        _admin?.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        _directory.Dispose();
    }
}
