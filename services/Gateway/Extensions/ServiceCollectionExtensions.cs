using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Apis;
using Payguru.Gateway.Errors;
using Payguru.Gateway.OpenApi;
using Payguru.Gateway.Options;
using Payguru.Gateway.Publishing;
using Payguru.Gateway.Security;
using Payguru.Gateway.Telemetry;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Publishing;
using Payguru.Messaging.Topology;
using Payguru.Provider.Configuration;
using Payguru.Telemetry;

namespace Payguru.Gateway.Extensions;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPayguruOptions(configuration);
        services.AddRabbitMqOptions(configuration);
        services.AddOptionsWithValidateOnStart<GatewayOptions, GatewayOptionsValidator>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName));
        services.AddOptionsWithValidateOnStart<RequestLimitsOptions, RequestLimitsOptionsValidator>()
            .Bind(configuration.GetSection(RequestLimitsOptions.SectionName));
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimits>();
        services.AddSingleton<ApiKeyVerifier>();
        return services;
    }

    /// <summary>
    /// The gateway publishes events and refund commands and asks refund, identity and client-token
    /// queries; it consumes nothing. Its publish topology declares the processor's queues (of
    /// <c>RabbitMq:QueueType</c>, as <see cref="ProcessorTopology"/> lists them) and binds them to the message
    /// exchanges, so a message is queued on a fresh broker before the processor ever ran. Commands and queries are
    /// published, not sent to <c>queue:…</c>: a send declares its queue without arguments, which RabbitMQ refuses
    /// for a quorum queue.
    /// </summary>
    public static IServiceCollection AddGatewayBus(this IServiceCollection services)
    {
        services.AddSingleton<ConfirmedPublisher>();
        services.AddMassTransit(bus =>
        {
            // MassTransit 8.5 otherwise reports the bus's shape to usage-tracking.masstransit.io.
            bus.DisableUsageTelemetry();
            // Queries are published to their exchanges, which the processor's query endpoints bind; a query
            // nobody answers times out. Each is bounded where it is asked: Gateway:QueryTimeout (RefundsApi),
            // Gateway:ClientTokenTimeout (ClientTokensApi), Gateway:IdentityTimeout (IdentityVerificationApi).
            bus.AddRequestClient<GetRefund>();
            bus.AddRequestClient<IssueClientToken>();
            bus.AddRequestClient<GetIdentityAnswer>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                var rabbitMq = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                cfg.UsePayguruBroker(rabbitMq, context.GetRequiredService<BrokerConnectionRecycler>());
                // The bus endpoint (where query answers come back) starts with the bus instead of at the first
                // query: MassTransit's health check reads receive endpoints, and a bus without one is reported
                // healthy whatever its connection, so /health/ready would never see the broker go.
                cfg.AutoStart = true;
                cfg.BindProcessorQueues(rabbitMq.DurableQueueType);
            });
        });
        return services;
    }

    /// <summary>
    /// Numbers are JSON numbers both ways (an amount written as a string is refused, and the OpenAPI document says
    /// so); error statuses answered without a body (404 no route, 405, 415) get a problem detail.
    /// </summary>
    public static IServiceCollection AddGatewayHttpApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddProblemDetails();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddSchemaTransformer<RefundRequestBodySchemaTransformer>();
        });
        return services;
    }

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPayguruTelemetry<GatewayMetrics>(configuration);
}
