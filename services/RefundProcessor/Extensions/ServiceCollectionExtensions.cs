using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Api.Client;
using Payguru.Api.Configuration;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Topology;
using Payguru.RefundProcessor.Consumers;
using Payguru.RefundProcessor.Consuming;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Retention;
using Payguru.RefundProcessor.Tokens;

namespace Payguru.RefundProcessor.Extensions;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddProcessorOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRabbitMqOptions(configuration);
        services.AddPayguruOptions(configuration);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddOptions<RefundOptions>()
            .Bind(configuration.GetSection(RefundOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RefundOptions>, RefundOptionsValidator>();
        return services;
    }

    /// <summary>The database, its schema, and the stores with the configured dialect's statements.</summary>
    public static IServiceCollection AddProcessorDatabase(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
        services.AddSingleton<IInboxQueries, SqliteInboxQueries>();
        services.AddSingleton<IOutboxQueries, SqliteOutboxQueries>();
        services.AddSingleton<IPaymentQueries, SqlitePaymentQueries>();
        services.AddSingleton<IRefundQueries, SqliteRefundQueries>();
        services.AddSingleton<ITokenQueries, SqliteTokenQueries>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<RefundStore>();
        services.AddSingleton<TokenStore>();
        services.AddScoped<UnitOfWork>();
        services.AddHostedService<RetentionCleaner>();
        return services;
    }

    /// <summary>The transactional outbox: the per-message collector, the sender and the relay.</summary>
    public static IServiceCollection AddProcessorOutbox(this IServiceCollection services)
    {
        services.AddSingleton(ProcessorInstance.New());
        services.AddScoped<TransactionalOutbox>();
        services.AddScoped<AfterCommitActions>();
        services.AddSingleton<OutboxCommitter>();
        services.AddSingleton<IOutboxTransport, BusOutboxTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }

    /// <summary>
    /// Refunds at Payguru: the Refit clients with the one shared token (invariant 7), the submitter
    /// of creates (invariant 5), its sweep, and the reconciliation poller.
    /// </summary>
    public static IServiceCollection AddProcessorRefunds(this IServiceCollection services)
    {
        services.AddPayguruClients();
        services.AddSingleton<SharedTokenSource>();
        services.AddSingleton<IPayguruTokenSource>(provider => provider.GetRequiredService<SharedTokenSource>());
        services.AddScoped<RefundCreator>();
        services.AddScoped<RefundLookup>();
        services.AddScoped<RefundSubmitter>();
        services.AddHostedService<RefundSweeper>();
        services.AddHostedService<RefundReconciler>();
        return services;
    }

    /// <summary>
    /// MassTransit on RabbitMQ. Every consumer runs inside the transactional inbox/outbox filter,
    /// and a failed attempt is retried a few times before the message goes to the _error queue.
    /// Every endpoint's queue (and its _error and _skipped queues) is of <c>RabbitMq:QueueType</c>.
    /// </summary>
    public static IServiceCollection AddProcessorBus(this IServiceCollection services, Action<IBusRegistrationConfigurator>? configure = null)
    {
        services.AddMassTransit(bus =>
        {
            bus.AddConsumers(typeof(PaymentAcceptedConsumer).Assembly);
            bus.AddConfiguredQueueType();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UsePayguruBroker(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value);
                cfg.ConfigureProcessorPipeline(context);
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>Retry outside, transaction inside: each attempt is one whole transaction.</summary>
    public static void ConfigureProcessorPipeline(this IBusFactoryConfigurator cfg, IRegistrationContext context)
    {
        cfg.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000));
        // Queries change nothing: no inbox record, no transaction.
        cfg.UseConsumeFilter(typeof(TransactionalConsumeFilter<>), context, messages => messages.Exclude(QueryMessages.Types.Contains));
    }
}
