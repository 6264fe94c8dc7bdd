using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Api.Configuration;
using Payguru.Contracts.Payments;
using Payguru.Gateway.Options;
using Payguru.Gateway.Publishing;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Topology;

namespace Payguru.Gateway.Extensions;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPayguruOptions(configuration);
        services.AddRabbitMqOptions(configuration);
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        return services;
    }

    /// <summary>
    /// The gateway only publishes. Its publish topology declares the processor's queues and binds
    /// them to the message exchanges, so a message is queued on a fresh broker before the
    /// processor ever ran.
    /// </summary>
    public static IServiceCollection AddGatewayBus(this IServiceCollection services)
    {
        services.AddSingleton<ConfirmedPublisher>();
        services.AddMassTransit(bus =>
        {
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UsePayguruBroker(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value);
                cfg.BindDurableQueue<PaymentAccepted>(ProcessorQueues.Payments);
                cfg.BindDurableQueue<PaymentStatusReported>(ProcessorQueues.Payments);
            });
        });
        return services;
    }
}
