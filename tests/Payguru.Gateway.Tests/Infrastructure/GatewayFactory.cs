using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payguru.Testing;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway hosted in memory, with MassTransit's in-memory test harness in place of RabbitMQ
/// (<c>AddMassTransitTestHarness</c> removes the gateway's RabbitMQ bus registration and adds an
/// in-memory one), and a <see cref="PublishRecorder"/> counts every publish. The Payguru settings
/// are the demo ones, set here explicitly, plus a second service, and two API keys.
/// <see cref="Faults"/> makes the in-memory broker fail; <see cref="ConfigureBus"/> adds consumers
/// (e.g. a stand-in for the refund processor's queries).
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
    public const string ApiKey = "test-api-key";
    public const string OtherApiKey = "other-api-key";

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

    /// <summary>The keys of <c>Gateway:ApiKeys</c> in Development (they replace the demo key of appsettings.Development.json).</summary>
    public static readonly IReadOnlyDictionary<string, string?> ApiKeySettings = new Dictionary<string, string?>
    {
        ["Gateway:ApiKeys:0"] = ApiKey,
        ["Gateway:ApiKeys:1"] = OtherApiKey,
    };

    /// <summary>Registrations added to the test harness's bus, such as consumers; set before the server starts.</summary>
    public Action<IBusRegistrationConfigurator>? ConfigureBus { get; init; }

    /// <summary>
    /// Settings that Program.cs reads while it registers services, such as the OTEL_* variables (the
    /// overrides of the constructor arrive only after registration, in time for options).
    /// </summary>
    public IReadOnlyDictionary<string, string?> HostSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>More registrations after the gateway's own (e.g. a span recorder); set before the server starts.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The bus harness; call after the server started (after <c>CreateClient</c>).</summary>
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>Every publish, repeats of a message id included; call after the server started.</summary>
    public PublishRecorder Publishes => Services.GetRequiredService<PublishRecorder>();

    /// <summary>Every log line the gateway wrote.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>Makes the in-memory broker fail; call after the server started.</summary>
    public BrokerFaults Faults => Services.GetRequiredService<BrokerFaults>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in HostSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
        });
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            if (environment == Environments.Development)
            {
                configuration.AddInMemoryCollection(DemoSettings);
                configuration.AddInMemoryCollection(ApiKeySettings);
            }

            configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness(ConfigureBus);

            // harness.Published.Select<T>() yields what was published, then waits until the bus has been
            // inactive this long. The gateway publishes before it answers, so a short wait suffices.
            services.Configure<TestHarnessOptions>(options => options.TestInactivityTimeout = TimeSpan.FromMilliseconds(200));
            services.AddSingleton<PublishRecorder>();
            services.AddPublishObserver(provider => provider.GetRequiredService<PublishRecorder>());
            services.AddSingleton<BrokerFaults>();
            services.AddPublishObserver(provider => provider.GetRequiredService<BrokerFaults>());
            services.AddSendObserver(provider => provider.GetRequiredService<BrokerFaults>());
            ConfigureServices?.Invoke(services);
        });
    }
}
