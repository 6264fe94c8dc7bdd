using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Extensions;

// Settings files sit beside the binary; the SQLite file is relative to the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services
    .AddProcessorOptions(builder.Configuration)
    .AddProcessorDatabase()
    .AddProcessorOutbox()
    .AddProcessorRefunds()
    .AddProcessorPaywall()
    .AddProcessorBus();

var host = builder.Build();

await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
await host.RunAsync();

public partial class Program;
