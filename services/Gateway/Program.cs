using Payguru.Gateway.Apis;
using Payguru.Gateway.Extensions;
using Payguru.Gateway.Logging;
using Payguru.Health;

// Settings files sit beside the binary, whatever directory the gateway is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Loopback by default; URLS, ASPNETCORE_URLS or --urls choose otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddGatewayOptions(builder.Configuration);
builder.Services.AddGatewayBus();
builder.Services.AddGatewayHttpApi();
builder.Services.AddGatewayTelemetry(builder.Configuration);
builder.Services.HoldRequestLinesAtWarning();

var app = builder.Build();

// An exception no endpoint handled: a plain answer without its details, in every environment (UnexpectedErrorHandler).
app.UseExceptionHandler();
// A problem detail for error statuses answered without a body; callback answers always carry their text.
app.UseStatusCodePages();
app.MapOpenApi();
app.MapNotificationApis();
app.MapIdentityVerificationApi();
app.MapRefundsApi();
app.MapClientTokensApi();
// Ready = the bus is connected (MassTransit registers its bus check with the "ready" tag).
app.MapHealthEndpoints();

app.Run();

public partial class Program;
