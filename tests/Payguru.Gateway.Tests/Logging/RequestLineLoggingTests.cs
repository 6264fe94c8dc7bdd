using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payguru.Gateway.Logging;

namespace Payguru.Gateway.Tests.Logging;

/// <summary>
/// ASP.NET Core's request line carries Payguru's callback query (keys, IBANs, contact names): the gateway holds its
/// category at Warning however verbose the configuration is, for all providers and for one named on its own.
/// </summary>
public sealed class RequestLineLoggingTests
{
    [Fact]
    public void Request_lines_stay_at_warning_when_the_configuration_asks_for_trace()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LogLevel:Default"] = "Trace",
            ["LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["LogLevel:" + RequestLineLogging.Category] = "Trace",
            ["Console:LogLevel:" + RequestLineLogging.Category] = "Trace",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration).AddConsole());
        services.HoldRequestLinesAtWarning();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        var requestLines = factory.CreateLogger(RequestLineLogging.Category);
        var routing = factory.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware");

        Assert.False(requestLines.IsEnabled(LogLevel.Information));
        Assert.True(requestLines.IsEnabled(LogLevel.Warning));
        Assert.True(routing.IsEnabled(LogLevel.Trace)); // only that category is held
    }
}
