using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderService;
using OrderService.Cli;

// `OrderService refund --order … --amount …` sends one RequestRefund and waits for its outcome.
if (args is ["refund", .. var refundArgs])
{
    return await RefundCommand.RunAsync(refundArgs);
}

// `OrderService identity --order … --tckn …` registers the customer's TCKN for Payguru's identity check of the order.
if (args is ["identity", .. var identityArgs])
{
    return await IdentityCommand.RunAsync(identityArgs);
}

// Otherwise: a worker subscribed to the payment, refund and identity events, until Ctrl-C.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.Configure<OrderServiceSettings>(builder.Configuration.GetSection(OrderServiceSettings.SectionName));
builder.Services.AddOrderServiceBus(builder.Configuration, bus => bus.AddOrderServiceConsumers());

await builder.Build().RunAsync();
return 0;
