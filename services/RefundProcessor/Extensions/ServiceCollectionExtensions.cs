using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Provider.Client;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Configuration;
using Payguru.Health;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Publishing;
using Payguru.Messaging.Topology;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Consumers;
using Payguru.RefundProcessor.Consuming;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Paywall;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Retention;
using Payguru.RefundProcessor.Telemetry;
using Payguru.RefundProcessor.Tokens;
using Payguru.Telemetry;

namespace Payguru.RefundProcessor.Extensions;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddProcessorOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRabbitMqOptions(configuration);
        services.AddPayguruOptions(configuration);
        services.AddPaywallOptions(configuration);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOptions<GroupCommitOptions>()
            .Bind(configuration.GetSection(GroupCommitOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GroupCommitOptions>, GroupCommitOptionsValidator>();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddOptions<RefundOptions>()
            .Bind(configuration.GetSection(RefundOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RefundOptions>, RefundOptionsValidator>();
        services.AddOptions<SubMerchantOptions>()
            .Bind(configuration.GetSection(SubMerchantOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubMerchantOptions>, SubMerchantOptionsValidator>();
        return services;
    }

    /// <summary>
    /// The database, its schema, the stores with the configured dialect's statements, and the readiness check
    /// that it answers (bounded, so a hanging server makes the service not ready instead of a hanging probe).
    /// </summary>
    public static IServiceCollection AddProcessorDatabase(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<WriteTransactionCounter>();
        services.AddDialect<IDbConnectionFactory, SqliteConnectionFactory, SqlServerConnectionFactory>();
        services.AddDialect<MigrationQueries, SqliteMigrationQueries, SqlServerMigrationQueries>();
        services.AddDialect<InboxQueries, SqliteInboxQueries, SqlServerInboxQueries>();
        services.AddDialect<OutboxQueries, SqliteOutboxQueries, SqlServerOutboxQueries>();
        services.AddDialect<PaymentQueries, SqlitePaymentQueries, SqlServerPaymentQueries>();
        services.AddDialect<RefundQueries, SqliteRefundQueries, SqlServerRefundQueries>();
        services.AddDialect<TokenQueries, SqliteTokenQueries, SqlServerTokenQueries>();
        services.AddDialect<SubMerchantQueries, SqliteSubMerchantQueries, SqlServerSubMerchantQueries>();
        services.AddDialect<IdentityQueries, SqliteIdentityQueries, SqlServerIdentityQueries>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<RefundStore>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<IdentityStore>();
        services.AddSingleton<SubMerchantStore>();
        services.AddScoped<UnitOfWork>();
        services.AddHostedService<RetentionCleaner>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TService"/> as the implementation for <c>Database:Provider</c>:
    /// one line per dialect-specific class, so a new store adds its Sqlite… and SqlServer… pair here.
    /// </summary>
    static void AddDialect<TService, TSqlite, TSqlServer>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TSqlServer : class, TService
    {
        services.AddSingleton<TSqlite>();
        services.AddSingleton<TSqlServer>();
        services.AddSingleton<TService>(provider => provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.Sqlite => provider.GetRequiredService<TSqlite>(),
            DatabaseProvider.SqlServer => provider.GetRequiredService<TSqlServer>(),
            var other => throw new InvalidOperationException($"Database:Provider {other} is not supported."),
        });
    }

    /// <summary>The transactional outbox: the per-message collector, the sender and the relay.</summary>
    public static IServiceCollection AddProcessorOutbox(this IServiceCollection services)
    {
        services.AddSingleton(ProcessorInstance.New());
        services.AddScoped<PendingMessages>();
        services.AddScoped<AfterCommitActions>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<OutboxSentMarks>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSentMarks>());
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<AttemptCompletion>();
        services.AddSingleton<IOutboxTransport, BusOutboxTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }

    /// <summary>
    /// Refunds at Payguru: the Refit clients with the one shared token (invariant 7, docs/architecture.md), the submitter
    /// of creates (invariant 5, docs/architecture.md), its sweep, and the reconciliation poller.
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
    /// The processor's metrics, and OpenTelemetry (consumes, provider calls, publishes) when an
    /// <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> is configured; off otherwise.
    /// </summary>
    public static IServiceCollection AddProcessorTelemetry(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPayguruTelemetry<ProcessorMetrics>(configuration);

    /// <summary>
    /// Paywall: the Refit clients, the client token issuer, the sub-merchant registrar and its sweep.
    /// Registered whether or not Paywall is configured; without its settings, requests are refused
    /// with <c>paywall_not_configured</c> and nothing calls Paywall.
    /// </summary>
    public static IServiceCollection AddProcessorPaywall(this IServiceCollection services)
    {
        services.AddPaywallClients();
        services.AddScoped<ClientTokenIssuer>();
        services.AddScoped<SubMerchantRegistrar>();
        services.AddHostedService<SubMerchantSweeper>();
        return services;
    }

    /// <summary>
    /// MassTransit on RabbitMQ with the processor's consumers (<see cref="AddProcessorConsumers"/>).
    /// Every endpoint's queue (and its _error and _skipped queues) is of <c>RabbitMq:QueueType</c>.
    /// </summary>
    public static IServiceCollection AddProcessorBus(this IServiceCollection services, Action<IBusRegistrationConfigurator>? configure = null)
    {
        services.AddMassTransit(bus =>
        {
            bus.AddProcessorConsumers();
            bus.AddConfiguredQueueType();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.UsePayguruBroker(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value, context.GetRequiredService<BrokerConnectionRecycler>());
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>
    /// The processor's consumers on the queues of <see cref="ProcessorTopology"/>. On every endpoint a failed attempt
    /// is retried a few times before the message goes to the _error queue; on a transactional one each attempt is one
    /// whole transaction (retry outside, <see cref="TransactionalConsumeFilter{T}"/> inside). Query endpoints change
    /// nothing: no inbox record, no transaction.
    /// </summary>
    public static void AddProcessorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.SetEndpointNameFormatter(ProcessorEndpointNameFormatter.Instance);
        bus.AddConsumers(typeof(PaymentAcceptedConsumer).Assembly);
        bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
        {
            // A message that can never be handled (UnreadableMessageException) goes to _error at once.
            endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000).Ignore<UnreadableMessageException>());
            if (ProcessorTopology.IsTransactional(name))
            {
                endpoint.UseConsumeFilter(typeof(TransactionalConsumeFilter<>), context);
            }
        });
    }
}
