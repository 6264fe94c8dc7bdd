using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Testing;

namespace OrderService.Tests.Infrastructure;

/// <summary>
/// The sample's consumers on MassTransit's in-memory test harness, beside the Payguru stand-ins: what a service's own
/// test setup looks like with the test kit.
/// </summary>
public sealed class OrderServiceHarness : IAsyncDisposable
{
    readonly ServiceProvider _provider;

    OrderServiceHarness(ServiceProvider provider, RecordedLogs logs)
    {
        _provider = provider;
        Logs = logs;
        Harness = provider.GetRequiredService<ITestHarness>();
        Payguru = provider.GetRequiredService<PayguruStandIn>();
    }

    public ITestHarness Harness { get; }

    /// <summary>The processor and the provider, in memory; the test scripts the provider through it.</summary>
    public PayguruStandIn Payguru { get; }

    /// <summary>What the service logged.</summary>
    public RecordedLogs Logs { get; }

    public static async Task<OrderServiceHarness> StartAsync(decimal? refundOnPayment = null)
    {
        var logs = new RecordedLogs();
        var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .Configure<OrderServiceSettings>(settings => settings.RefundOnPayment = refundOnPayment)
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddOrderServiceConsumers();
                bus.AddPayguruStandIns();
            })
            .BuildServiceProvider(true);
        var harness = new OrderServiceHarness(provider, logs);
        await harness.Harness.Start();
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
