using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Payguru.Provider.Client;
using Payguru.Provider.Configuration;
using Payguru.Testing;

namespace Payguru.Provider.Tests.Client.Infrastructure;

/// <summary>
/// The clients as a host gets them: <c>AddPayguruOptions</c> + <c>AddPayguruClients</c> in a fresh service provider
/// (so every test has its own resilience pipelines and circuit breakers), a <see cref="CountingTokenSource"/>, and a
/// record of every attempt that left the client.
/// </summary>
public sealed class PayguruClients : IAsyncDisposable
{
    public const string MerchantId = Demo.MerchantId;
    public const string MerchantKey = Demo.MerchantKey;
    public const string ServiceCode = Demo.ServiceCode;

    readonly ServiceProvider _provider;
    readonly List<SentRequest> _sent = [];

    public PayguruClients(string baseUrl, TimeSpan requestTimeout, string merchantKey = MerchantKey)
    {
        RequestTimeout = requestTimeout;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Payguru:MerchantId"] = MerchantId,
                ["Payguru:MerchantKey"] = merchantKey,
                ["Payguru:ServerIp"] = Demo.ServerIp,
                ["Payguru:BaseUrl"] = baseUrl,
                ["Payguru:RequestTimeout"] = requestTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                ["Payguru:Services:0:Code"] = ServiceCode,
                ["Payguru:Services:0:Key"] = Demo.ServiceKey,
            })
            .Build();

        var services = new ServiceCollection();
        services.AddPayguruOptions(configuration);
        services.AddPayguruClients();
        services.AddSingleton<CountingTokenSource>();
        services.AddSingleton<IPayguruTokenSource>(sp => sp.GetRequiredService<CountingTokenSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter>(new RecordingFilter(_sent)));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TimeSpan RequestTimeout { get; }

    public IPayguruRefundsApi Refunds => _provider.GetRequiredService<IPayguruRefundsApi>();

    public PayguruTokenIssuer Issuer => _provider.GetRequiredService<PayguruTokenIssuer>();

    public CountingTokenSource Tokens => _provider.GetRequiredService<CountingTokenSource>();

    /// <summary>Every attempt sent so far, in order.</summary>
    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<SentRequest> SentTo(string path) => Sent.Where(r => r.Path == path).ToList();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
