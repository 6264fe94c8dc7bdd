using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payguru.Gateway.Extensions;

namespace Payguru.Gateway.Tests.Startup;

/// <summary>MassTransit 8.5 reports a bus's shape to usage-tracking.masstransit.io unless told not to; the gateway's bus is told.</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public void The_gateway_bus_reports_no_usage_telemetry()
    {
        using var provider = new ServiceCollection().AddLogging().AddGatewayBus().BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
