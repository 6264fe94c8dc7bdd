using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Payguru.RefundProcessor.Tests.Health;

/// <summary>
/// The processor as Program.cs builds it, hosted in memory for its HTTP (the health endpoints), with
/// MassTransit's in-memory test harness in place of RabbitMQ and the database given by
/// <paramref name="connectionString"/> (migrated by Program before the host starts).
/// </summary>
public sealed class ProcessorFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Payguru"] = connectionString,
        }));
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }
}
