using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Extensions;

namespace Payguru.RefundProcessor.Tests.Hosting;

/// <summary>MassTransit 8.5 reports a bus's shape to usage-tracking.masstransit.io unless told not to; the processor's bus is told.</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public void The_processor_bus_reports_no_usage_telemetry()
    {
        using var provider = new ServiceCollection().AddLogging().AddProcessorBus().BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public void A_bus_left_alone_would_report_it()
    {
        using var provider = new ServiceCollection().AddLogging().AddMassTransit(_ => { }).BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
