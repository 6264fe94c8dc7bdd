using Payguru.Sandbox.Apis;
using Payguru.Sandbox.Extensions;

// Settings files sit beside the binary, whatever directory the sandbox is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Loopback by default; URLS, ASPNETCORE_URLS or --urls choose otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

builder.Services.AddSandboxOptions(builder.Configuration);
builder.Services.AddSandboxState();

var app = builder.Build();

// Payguru and Paywall, as their documents describe them.
app.MapTokenApi();
app.MapRefundApi();
app.MapTransactionApi();
app.MapPaywallApi();

// The sandbox's own admin API, under /_sandbox.
app.MapFaultAdminApi();
app.MapRefundAdminApi();
app.MapSeedAdminApi();
app.MapIdentityAdminApi();
app.MapSandboxAdminApi();

app.Run();

public partial class Program;
