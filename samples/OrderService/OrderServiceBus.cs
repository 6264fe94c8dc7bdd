using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderService.Consumers;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Refunds;

namespace OrderService;

public static class OrderServiceBus
{
    /// <summary>Every queue of this service starts with this, so none clashes with the processor's (<c>refund-processor-…</c>).</summary>
    public const string EndpointPrefix = "order-service";

    /// <summary>
    /// MassTransit on RabbitMQ with the broker and queue type from <c>RabbitMq:*</c>. <paramref name="addConsumers"/> registers the consumers
    /// (one queue each, <c>order-service-&lt;consumer&gt;</c>); <paramref name="configure"/> adds anything else to the bus.
    /// </summary>
    public static IServiceCollection AddOrderServiceBus(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? addConsumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var rabbitMq = configuration.GetSection(RabbitMqSettings.SectionName).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        var quorum = rabbitMq.UsesQuorumQueues;
        var broker = BrokerEndpoint.From(rabbitMq);
        var certificates = broker.UseTls ? new BrokerCertificateCheck(broker.TrustedCaFile) : null;

        services.AddMassTransit(bus =>
        {
            // Without this MassTransit 8.5 reports the bus's shape to usage-tracking.masstransit.io.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(EndpointPrefix, includeNamespace: false));
            addConsumers?.Invoke(bus);
            if (quorum)
            {
                // The consumers' queues (and their _error and _skipped queues, which copy the arguments).
                bus.AddRabbitMqConfigureEndpointsCallback((_, _, endpoint) => endpoint.SetQuorumQueue());
            }

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                    if (broker.UseTls)
                    {
                        h.UseSsl(ssl =>
                        {
                            ssl.ServerName = broker.TlsServerName ?? broker.Host;
                            ssl.CertificateValidationCallback = certificates!.Validate;
                        });
                    }
                });

                // Commands are published, and their exchanges bound to the processor's command queues before the first
                // publish, so a command waits there even before the processor first started. (A send to queue:… would
                // declare that queue without arguments, which RabbitMQ refuses when it is a quorum queue.)
                BindCommand<RequestRefund>(cfg, RefundEndpoints.RequestRefundQueue, quorum);
                BindCommand<RegisterOrderIdentity>(cfg, IdentityEndpoints.RegisterQueue, quorum);
                cfg.UseMessageRetry(r => r.Intervals(100, 500, 1000));
                configure?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>The worker's consumers: payment, refund and identity events. Its tests register the same.</summary>
    public static IBusRegistrationConfigurator AddOrderServiceConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<PaymentAcceptedConsumer>();
        bus.AddConsumer<RefundSubmittedConsumer>();
        bus.AddConsumer<RefundRejectedConsumer>();
        bus.AddConsumer<RefundSettledConsumer>();
        bus.AddConsumer<IdentityVerifiedConsumer>();
        bus.AddConsumer<IdentityVerificationFailedConsumer>();
        return bus;
    }

    /// <summary>A queue for one command run: on RabbitMQ not durable and deleted when the run disconnects.</summary>
    public static void RunOnly(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitMq)
        {
            rabbitMq.Durable = false;
            rabbitMq.AutoDelete = true;
        }
    }

    static void BindCommand<T>(IRabbitMqBusFactoryConfigurator cfg, string queue, bool quorum)
        where T : class
    {
        var exchange = cfg.MessageTopology.GetMessageTopology<T>().EntityName;
        cfg.Publish<T>(p => p.BindQueue(exchange, queue, binding =>
        {
            if (quorum)
            {
                binding.SetQuorumQueue();
            }
        }));
    }
}
