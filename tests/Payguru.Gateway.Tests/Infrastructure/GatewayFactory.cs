using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway hosted in memory, with MassTransit's in-memory test harness in place of RabbitMQ
/// (<c>AddMassTransitTestHarness</c> removes the gateway's RabbitMQ bus registration and adds an
/// in-memory one), and a <see cref="PublishRecorder"/> counts every publish. The Payguru settings
/// are the demo ones, set here explicitly, plus a second service.
/// </summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public const string MerchantId = "123";
    public const string MerchantKey = "mk-secret";
    public const string DemoService = "DEMO";
    public const string DemoServiceKey = "sk-secret";
    public const string OtherService = "OTHER";
    public const string OtherServiceKey = "other-key";

    public static readonly IReadOnlyDictionary<string, string?> DemoSettings = new Dictionary<string, string?>
    {
        ["Payguru:MerchantId"] = MerchantId,
        ["Payguru:MerchantKey"] = MerchantKey,
        ["Payguru:ServerIp"] = "127.0.0.1",
        ["Payguru:BaseUrl"] = "http://127.0.0.1:5090",
        ["Payguru:Services:0:Code"] = DemoService,
        ["Payguru:Services:0:Key"] = DemoServiceKey,
        ["Payguru:Services:1:Code"] = OtherService,
        ["Payguru:Services:1:Key"] = OtherServiceKey,
    };

    /// <summary>The bus harness; call after the server started (after <c>CreateClient</c>).</summary>
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>Every publish, repeats of a message id included; call after the server started.</summary>
    public PublishRecorder Publishes => Services.GetRequiredService<PublishRecorder>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            if (environment == Environments.Development)
            {
                configuration.AddInMemoryCollection(DemoSettings);
            }

            configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();

            // harness.Published.Select<T>() yields what was published, then waits until the bus has been
            // inactive this long. The gateway publishes before it answers, so a short wait suffices.
            services.Configure<TestHarnessOptions>(options => options.TestInactivityTimeout = TimeSpan.FromMilliseconds(200));
            services.AddSingleton<PublishRecorder>();
            services.AddPublishObserver(provider => provider.GetRequiredService<PublishRecorder>());
        });
    }
}
