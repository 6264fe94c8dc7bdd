using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Options;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// <c>Database:Provider</c> picks the dialect's class for every dialect-specific service: each
/// store's abstract …Queries class (the base of a Sqlite… class) resolves to the Sqlite… or the SqlServer… class.
/// The processor's own types only: a .NET interface such as <see cref="IDisposable"/> is not a dialect service.
/// </summary>
public sealed class DialectRegistrationTests
{
    public static TheoryData<string, string> Providers => new()
    {
        { nameof(DatabaseProvider.SqlServer), "Server=localhost,1433;Database=payguru;User Id=sa;Password=Secret-Pw1;TrustServerCertificate=true" },
        { nameof(DatabaseProvider.Sqlite), "Data Source=payguru.db" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_dialect_service_resolves_to_the_configured_providers_class(string provider, string connectionString)
    {
        using var services = Build(provider, connectionString);
        var dialectServices = DialectClasses.Of(DialectClasses.Sqlite).SelectMany(type => type.GetInterfaces().Append(type.BaseType!)).Where(type => type.Assembly == typeof(DatabaseOptions).Assembly).Distinct().ToList();

        Assert.Equal(Enum.Parse<DatabaseProvider>(provider), services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider);
        Assert.NotEmpty(dialectServices);
        Assert.All(dialectServices, service =>
        {
            var implementation = services.GetRequiredService(service).GetType();
            Assert.True(implementation.Name.StartsWith(provider, StringComparison.Ordinal), $"{service.Name} resolved to {implementation.Name} with Provider={provider}");
        });
    }

    static ServiceProvider Build(string provider, string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Payguru:MerchantId"] = Demo.MerchantId,
            ["Payguru:MerchantKey"] = Demo.MerchantKey,
            ["Payguru:ServerIp"] = Demo.ServerIp,
            ["Payguru:Services:0:Code"] = Demo.ServiceCode,
            ["Payguru:Services:0:Key"] = Demo.ServiceKey,
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Payguru"] = connectionString,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services
            .AddProcessorOptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddProcessorDatabase();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
