using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Payguru.Health;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Extensions;

// Settings files sit beside the binary; the SQLite file is relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// HTTP only for the health endpoints. Loopback by default; URLS, ASPNETCORE_URLS or --urls choose otherwise
// (port 0 picks a free one, for several instances on one machine).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5081");
}

builder.Services
    .AddProcessorOptions(builder.Configuration)
    .AddProcessorDatabase()
    .AddProcessorOutbox()
    .AddProcessorRefunds()
    .AddProcessorPaywall()
    .AddProcessorBus()
    .AddProcessorTelemetry(builder.Configuration);

var app = builder.Build();

// Ready = the bus is connected (MassTransit's check) and the database answers (DatabaseHealthCheck).
app.MapHealthEndpoints();

await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
await app.RunAsync();

public partial class Program;
