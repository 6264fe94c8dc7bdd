using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Identity;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Options;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Paywall;
using Payguru.Sandbox.Refunds;
using Payguru.Sandbox.Settings;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Tokens;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Extensions;

public static class ServiceCollectionExtensions
{
    /// <summary>Binds <c>Sandbox</c> to <see cref="SandboxOptions"/>, validated at start-up.</summary>
    public static IServiceCollection AddSandboxOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        return services;
    }

    /// <summary>The sandbox's state (in memory, one instance of each), its callbacks and its admin JSON.</summary>
    public static IServiceCollection AddSandboxState(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TurkeyClock>();
        services.AddSingleton<MerchantDirectory>();
        services.AddSingleton<SandboxSettings>();
        services.AddSingleton<SandboxStats>();
        services.AddSingleton<TokenBook>();
        services.AddSingleton<TokenAuthentication>();
        services.AddSingleton<PaymentBook>();
        services.AddSingleton<RefundBook>();
        services.AddSingleton<PaywallBook>();
        services.AddSingleton<PaywallCredentials>();
        services.AddSingleton<FaultBook>();
        services.AddSingleton<SandboxReset>();

        services.AddSingleton<CallbackSender>();
        services.AddSingleton<CallbackDispatcher>();
        services.AddSingleton<IdentityChecker>();
        services.AddHostedService(provider => provider.GetRequiredService<CallbackDispatcher>());
        // Callbacks go straight to the merchant, as from Payguru's network; each delivery sets its own deadline.
        services.AddHttpClient(CallbackSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

        // Admin bodies read and write enums by name ("Json", not 2).
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
