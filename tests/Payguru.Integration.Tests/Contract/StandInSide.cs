using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Testing;

namespace Payguru.Integration.Tests.Contract;

/// <summary>The test kit's stand-ins on MassTransit's in-memory test harness, as a service's test has them.</summary>
public sealed class StandInSide : IContractSide
{
    readonly ServiceProvider _provider;
    readonly ITestHarness _harness;
    readonly PayguruStandIn _payguru;

    StandInSide(ServiceProvider provider)
    {
        _provider = provider;
        _harness = provider.GetRequiredService<ITestHarness>();
        _payguru = provider.GetRequiredService<PayguruStandIn>();
    }

    public IBus Bus => _harness.Bus;

    public static async Task<StandInSide> StartAsync()
    {
        var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus => bus.AddPayguruStandIns())
            .BuildServiceProvider(true);
        var side = new StandInSide(provider);
        // The whole table runs on one harness; its default 30 s would cut it off on a busy machine.
        side._harness.TestTimeout = TimeSpan.FromMinutes(5);
        await side._harness.Start();
        return side;
    }

    public Task PayAsync(ContractStep.Pay payment, string payguruCode) =>
        Contracts.Testing.Events.GatewayEvents.PaymentAccepted(payment.Txid, payment.Order, payment.Amount, payguruCode: payguruCode).PublishAsync(Bus);

    public Task RefuseNextRefundAsync(string code, string message)
    {
        _payguru.RefuseNextRefund(code, message);
        return Task.CompletedTask;
    }

    public Task PayRefundAsync(long refundId) => _payguru.PayRefundAsync(refundId);

    public Task RefuseNextMemberAsync(int code, string message)
    {
        _payguru.RefuseNextSubMerchant(code, message);
        return Task.CompletedTask;
    }

    public Task RefuseNextTokenAsync(int code, string message)
    {
        _payguru.RefuseNextClientToken(code, message);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }
}
