using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Health;
using Payguru.Messaging.Configuration;
using Payguru.Messaging.Publishing;
using Payguru.Messaging.Topology;
using Payguru.Provider.Client;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Configuration;
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
        services.AddSection<DatabaseOptions>(configuration, DatabaseOptions.SectionName)
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "");
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSection<OutboxOptions>(configuration, OutboxOptions.SectionName)
            .Validate(o => o.RelayInterval > TimeSpan.Zero, "Outbox:RelayInterval must be more than zero.")
            .Validate(o => o.PublishTimeout > TimeSpan.Zero, "Outbox:PublishTimeout must be more than zero.")
            // A claim must outlive a publish, or a slow publish could be taken over and sent twice.
            .Validate(o => o.ClaimTimeout >= o.PublishTimeout * 2, "Outbox:ClaimTimeout must be at least twice Outbox:PublishTimeout.")
            // A sent message not marked within ClaimTimeout is sent again by the relay.
            .Validate(o => o.MarkSentInterval >= TimeSpan.Zero && o.MarkSentInterval * 10 <= o.ClaimTimeout,
                "Outbox:MarkSentInterval must be at least zero and at most a tenth of Outbox:ClaimTimeout.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Outbox:BatchSize must be between 1 and 1000.");
        services.AddSection<GroupCommitOptions>(configuration, GroupCommitOptions.SectionName)
            .Validate(o => o.MaxMessages is >= 1 and <= 1000, "GroupCommit:MaxMessages must be between 1 and 1000.")
            .Validate(o => o.PrefetchCount is >= 1 and <= 1000, "GroupCommit:PrefetchCount must be between 1 and 1000.");
        services.AddSection<RetentionOptions>(configuration, RetentionOptions.SectionName)
            // Shorter than a day would forget message ids while redeliveries of them may still come.
            .Validate(o => o.Inbox >= TimeSpan.FromDays(1), "Retention:Inbox must be at least 1.00:00:00 (one day).")
            .Validate(o => o.SentOutbox > TimeSpan.Zero, "Retention:SentOutbox must be more than zero.")
            .Validate(o => o.Identities > TimeSpan.Zero, "Retention:Identities must be more than zero.")
            .Validate(o => o.Interval > TimeSpan.Zero, "Retention:Interval must be more than zero.");
        services.AddSection<RefundOptions>(configuration, RefundOptions.SectionName)
            .Validate(o => o.RecheckAfter > TimeSpan.Zero, "Refunds:RecheckAfter must be more than zero.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Refunds:SweepInterval must be more than zero.")
            .Validate(o => o.ReconcileAfter > TimeSpan.Zero, "Refunds:ReconcileAfter must be more than zero.")
            .Validate(o => o.ReconcileInterval > TimeSpan.Zero, "Refunds:ReconcileInterval must be more than zero.")
            .Validate(o => o.ReconcileBatchSize is >= 1 and <= 1000, "Refunds:ReconcileBatchSize must be between 1 and 1000.");
        services.AddSection<SubMerchantOptions>(configuration, SubMerchantOptions.SectionName)
            .Validate(o => o.RecheckAfter > TimeSpan.Zero, "SubMerchants:RecheckAfter must be more than zero.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "SubMerchants:SweepInterval must be more than zero.");
        return services;
    }

    // Each rule is checked at start-up; a failing one fails the start with its message.
    static OptionsBuilder<TOptions> AddSection<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();

    /// <summary>The stores with the configured dialect's statements; the readiness check is bounded, so a hanging server makes the service not ready instead of a hanging probe.</summary>
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

    // A new store adds its Sqlite… and SqlServer… pair here.
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

    /// <summary>Refunds at Payguru: one shared token (invariant 7, docs/architecture.md), one create per refund (invariant 5).</summary>
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

    /// <summary>The processor's metrics, and OpenTelemetry when an <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> is configured.</summary>
    public static IServiceCollection AddProcessorTelemetry(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPayguruTelemetry<ProcessorMetrics>(configuration);

    /// <summary>Paywall, registered even when not configured: requests are then refused with <c>paywall_not_configured</c>.</summary>
    public static IServiceCollection AddProcessorPaywall(this IServiceCollection services)
    {
        services.AddPaywallClients();
        services.AddScoped<ClientTokenIssuer>();
        services.AddScoped<SubMerchantRegistrar>();
        services.AddHostedService<SubMerchantSweeper>();
        return services;
    }

    /// <summary>MassTransit on RabbitMQ; every queue (with its _error and _skipped queues) is of <c>RabbitMq:QueueType</c>.</summary>
    public static IServiceCollection AddProcessorBus(this IServiceCollection services, Action<IBusRegistrationConfigurator>? configure = null)
    {
        services.AddMassTransit(bus =>
        {
            // MassTransit 8.5 otherwise reports the bus's shape to usage-tracking.masstransit.io.
            bus.DisableUsageTelemetry();
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
    /// The consumers on the queues of <see cref="ProcessorTopology"/>, retried a few times before the _error queue; on a
    /// transactional endpoint each attempt is one whole transaction (retry outside, <see cref="TransactionalConsumeFilter{T}"/> inside).
    /// </summary>
    public static void AddProcessorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.SetEndpointNameFormatter(ProcessorEndpointNameFormatter.Instance);
        bus.AddConsumers(typeof(PaymentAcceptedConsumer).Assembly);
        bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
        {
            // A message that can never be handled (UnreadableMessageException) goes to _error at once.
            endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000).Ignore<UnreadableMessageException>());
            if (ProcessorTopology.IsGroupCommitted(name) && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.PrefetchCount = context.GetRequiredService<IOptions<GroupCommitOptions>>().Value.PrefetchCount;
            }

            if (ProcessorTopology.IsTransactional(name))
            {
                endpoint.UseConsumeFilter(typeof(TransactionalConsumeFilter<>), context);
            }
        });
    }
}
