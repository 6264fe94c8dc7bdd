using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Payguru.Provider.Client;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Configuration;
using Payguru.Testing;

namespace Payguru.Provider.Tests.Client.Infrastructure;

/// <summary>
/// The Paywall clients as a host gets them (<c>AddPaywallOptions</c> + <c>AddPaywallClients</c> in a fresh service
/// provider), pointed at the sandbox with the demo credentials unless told otherwise, and a record of every attempt.
/// </summary>
public sealed class PaywallClients : IAsyncDisposable
{
    readonly ServiceProvider _provider;
    readonly List<SentPaywallRequest> _sent = [];

    public PaywallClients(string baseUrl, TimeSpan requestTimeout, string keyPublic = Demo.PaywallKeyPublic, string clientPublic = Demo.PaywallClientPublic)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Paywall:BaseUrl"] = baseUrl,
                ["Paywall:MemberBaseUrl"] = baseUrl,
                ["Paywall:ApiKeyPublic"] = keyPublic,
                ["Paywall:ApiClientPublic"] = clientPublic,
                ["Paywall:RequestTimeout"] = requestTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();

        var services = new ServiceCollection();
        services.AddPaywallOptions(configuration);
        services.AddPaywallClients();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter>(new PaywallRecordingFilter(_sent)));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IPaywallTokenApi Tokens => _provider.GetRequiredService<IPaywallTokenApi>();

    public IPaywallMemberApi Members => _provider.GetRequiredService<IPaywallMemberApi>();

    /// <summary>Every attempt sent so far, in order.</summary>
    public IReadOnlyList<SentPaywallRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
