using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderService;

public static class OrderServiceBus
{
    /// <summary>Every queue of this service starts with this, so none clashes with the processor's (<c>refund-processor-…</c>).</summary>
    public const string EndpointPrefix = "order-service";

    /// <summary>
    /// MassTransit on RabbitMQ with the broker from <c>RabbitMq:*</c>. <paramref name="addConsumers"/> registers the consumers
    /// (one queue each, <c>order-service-&lt;consumer&gt;</c>); <paramref name="configure"/> adds anything else to the bus.
    /// </summary>
    public static IServiceCollection AddOrderServiceBus(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? addConsumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var rabbitMq = configuration.GetSection(RabbitMqSettings.SectionName).Get<RabbitMqSettings>() ?? new RabbitMqSettings();

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(EndpointPrefix, includeNamespace: false));
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbitMq.Host, rabbitMq.VirtualHost, h =>
                {
                    h.Username(rabbitMq.Username);
                    h.Password(rabbitMq.Password);
                });
                cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000));
                configure?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }
}
