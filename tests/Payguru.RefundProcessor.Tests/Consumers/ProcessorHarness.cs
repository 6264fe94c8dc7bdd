using Dapper;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Extensions;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// The processor as Program.cs builds it (options, database, outbox, its consumers inside the
/// transactional pipeline) on MassTransit's in-memory test harness and a SQLite file in a temp
/// folder, migrated and started.
/// </summary>
public sealed class ProcessorHarness : IAsyncDisposable
{
    readonly TempDirectory _directory;
    readonly ServiceProvider _provider;

    ProcessorHarness(TempDirectory directory, ServiceProvider provider)
    {
        _directory = directory;
        _provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
        Connections = provider.GetRequiredService<IDbConnectionFactory>();
    }

    public ITestHarness Harness { get; }

    public IDbConnectionFactory Connections { get; }

    public ReceiveRecorder Receives { get; } = new();

    /// <summary>Every publish on the bus, each copy counted (the harness's lists keep one per message id).</summary>
    public PublishRecorder Publishes { get; } = new();

    public IServiceProvider Services => _provider;

    /// <param name="configureBus">More consumers (test-only ones) beside the processor's.</param>
    /// <param name="beforeStart">SQL run on the migrated database before the bus starts (fault injection).</param>
    /// <param name="settings">More configuration (e.g. <c>Payguru:*</c>, <c>Refunds:*</c>), over the defaults here.</param>
    /// <param name="configureServices">More registrations after the processor's own (e.g. its refunds, a manual clock).</param>
    public static async Task<ProcessorHarness> StartAsync(
        Action<IBusRegistrationConfigurator>? configureBus = null,
        string? beforeStart = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var directory = new TempDirectory("payguru-processor-test");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Payguru"] = $"Data Source={directory.File("payguru.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Outbox:RelayInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services
            .AddProcessorOptions(configuration)
            .AddProcessorDatabase()
            .AddProcessorOutbox()
            .AddProcessorTelemetry(configuration);
        configureServices?.Invoke(services);
        services.AddMassTransitTestHarness(x =>
        {
            x.AddProcessorConsumers();
            configureBus?.Invoke(x);
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var harness = new ProcessorHarness(directory, provider);
        try
        {
            await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            if (beforeStart is not null)
            {
                await harness.ExecuteAsync(beforeStart);
            }

            harness.Harness.Bus.ConnectReceiveObserver(harness.Receives);
            harness.Harness.Bus.ConnectPublishObserver(harness.Publishes);
            await harness.Harness.Start();
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes <paramref name="message"/> with the message id <paramref name="messageId"/>, as the gateway does.</summary>
    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        Harness.Bus.Publish(message, context => context.MessageId = messageId);

    /// <summary>Publishes <paramref name="message"/> under a new message id and returns that id.</summary>
    public async Task<Guid> PublishAsync<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await PublishAsync(message, messageId);
        return messageId;
    }

    /// <summary>Every publish of <typeparamref name="T"/> so far (through the outbox or otherwise), each copy counted.</summary>
    public IReadOnlyList<Published<T>> Published<T>(Func<T, bool>? where = null)
        where T : class =>
        Publishes.Of<T>().Where(m => where is null || where(m.Message)).ToList();

    /// <summary>Waits until <paramref name="count"/> messages of <typeparamref name="T"/> matching <paramref name="where"/> were published.</summary>
    public Task<IReadOnlyList<Published<T>>> PublishedAsync<T>(Func<T, bool> where, int count = 1, TimeSpan? timeout = null)
        where T : class =>
        Poll.WaitUntilAsync(
            _ => Task.FromResult(Published(where)),
            published => published.Count >= count,
            timeout ?? TimeSpan.FromSeconds(20),
            $"{count} published {typeof(T).Name}(s)",
            TimeSpan.FromMilliseconds(20));

    /// <summary>Waits until <paramref name="count"/> receives of <paramref name="messageId"/> have finished (committed or failed).</summary>
    public Task<IReadOnlyList<FinishedReceive>> FinishedAsync(Guid messageId, int count = 1) =>
        Poll.WaitUntilAsync(
            _ => Task.FromResult(Receives.Of(messageId)),
            finished => finished.Count >= count,
            TimeSpan.FromSeconds(20),
            $"{count} finished receive(s) of message {messageId}");

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Harness.Stop();
        }
        finally
        {
            await using (var connection = await Connections.OpenAsync(CancellationToken.None))
            {
                SqliteConnection.ClearPool((SqliteConnection)connection);
            }

            await _provider.DisposeAsync();
            _directory.Dispose();
        }
    }
}
