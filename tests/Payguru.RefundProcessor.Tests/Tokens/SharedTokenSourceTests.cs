using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payguru.Provider.Client;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.RefundProcessor.Tokens;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Tokens;

/// <summary>
/// Invariant 7 (docs/architecture.md) with two processor instances (two service providers on one SQLite file) against the
/// sandbox: one token for all, one <c>getToken</c> however many ask at once, one refresh however
/// many saw the same token refused, and a failed refresh gives its lease up at once.
/// </summary>
public sealed class SharedTokenSourceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    readonly TempDirectory _directory = new("payguru-token-test");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_instances_asking_at_once_share_one_token_and_refresh_it_once()
    {
        await using var first = await Instance.StartAsync(_directory, sandbox.Url);
        await using var second = await Instance.StartAsync(_directory, sandbox.Url);

        var tokens = await AllAtOnceAsync(first, second, 32, source => source.GetTokenAsync(CancellationToken.None));

        var token = Assert.Single(tokens.Distinct());
        Assert.Equal(1, await sandbox.CallsAsync("getToken"));
        Assert.Equal((token, 1L), await first.StoredAsync());

        // Payguru ends the token; every caller on both instances saw it refused.
        await sandbox.Admin.PostJsonAsync("/_sandbox/tokens/invalidate", null);
        var refreshed = await AllAtOnceAsync(first, second, 16, source => source.RefreshAsync(token, CancellationToken.None));

        var fresh = Assert.Single(refreshed.Distinct());
        Assert.NotEqual(token, fresh);
        Assert.Equal(2, await sandbox.CallsAsync("getToken"));
        Assert.Equal((fresh, 2L), await first.StoredAsync());

        // Late reports of the old token and plain reads: the fresh token, no more calls.
        Assert.Equal(fresh, await second.Tokens.RefreshAsync(token, CancellationToken.None));
        Assert.Equal(fresh, await first.Tokens.GetTokenAsync(CancellationToken.None));
        Assert.Equal(fresh, await second.Tokens.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, await sandbox.CallsAsync("getToken"));
        Assert.Equal(0L, await first.ScalarAsync<long>("SELECT COUNT(*) FROM payguru_tokens WHERE refresh_owner IS NOT NULL;"));
    }

    [Fact]
    public async Task Instance_that_did_not_see_the_refresh_takes_the_stored_token()
    {
        await using var first = await Instance.StartAsync(_directory, sandbox.Url);
        await using var second = await Instance.StartAsync(_directory, sandbox.Url);
        var token = await first.Tokens.GetTokenAsync(CancellationToken.None);
        Assert.Equal(token, await second.Tokens.GetTokenAsync(CancellationToken.None));

        var fresh = await first.Tokens.RefreshAsync(token, CancellationToken.None);
        // The second instance still holds the old one in its cache until Payguru refuses it.
        Assert.Equal(fresh, await second.Tokens.RefreshAsync(token, CancellationToken.None));

        Assert.NotEqual(token, fresh);
        Assert.Equal(2, await sandbox.CallsAsync("getToken"));
    }

    [Fact]
    public async Task Refused_token_request_fails_and_releases_the_lease_at_once()
    {
        // The instances' clock stands still: a lease that was not given up could only end by expiring, which never
        // comes, so each call below returns only if it did not wait for a lease. The guard turns such a hang into a failure.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var hangGuard = TimeSpan.FromSeconds(60);
        await using var wrong = await Instance.StartAsync(_directory, sandbox.Url, clock, merchantKey: "not-the-merchant-key");
        await using var right = await Instance.StartAsync(_directory, sandbox.Url, clock);

        var failure = await Assert.ThrowsAsync<PayguruTokenException>(async () => await wrong.Tokens.GetTokenAsync(CancellationToken.None));
        Assert.DoesNotContain("not-the-merchant-key", failure.Message);
        Assert.Equal(0L, await right.ScalarAsync<long>("SELECT COUNT(*) FROM payguru_tokens WHERE refresh_owner IS NOT NULL OR refresh_expires_at <> '1970-01-01T00:00:00.0000000+00:00' OR token IS NOT NULL;"));

        // Released, the right key gets a token without the clock moving.
        var token = await right.Tokens.GetTokenAsync(CancellationToken.None).AsTask().WaitAsync(hangGuard);
        Assert.Equal((token, 1L), await right.StoredAsync());

        // The failing instance fails again at once too, instead of waiting for its own lease.
        await Assert.ThrowsAsync<PayguruTokenException>(async () => await wrong.Tokens.RefreshAsync(token, CancellationToken.None).AsTask().WaitAsync(hangGuard));
        Assert.Equal(3, await sandbox.CallsAsync("getToken"));
    }

    static async Task<string[]> AllAtOnceAsync(Instance first, Instance second, int each, Func<SharedTokenSource, ValueTask<string>> ask)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = new[] { first, second }
            .SelectMany(instance => Enumerable.Range(0, each).Select(async _ =>
            {
                await start.Task;
                return await ask(instance.Tokens);
            }))
            .ToList();
        start.SetResult();
        return await Task.WhenAll(asking);
    }

    /// <summary>One processor instance: its own service provider (the processor's registrations) on the shared SQLite file.</summary>
    sealed class Instance : IAsyncDisposable
    {
        readonly ServiceProvider _provider;

        Instance(ServiceProvider provider)
        {
            _provider = provider;
            Tokens = provider.GetRequiredService<SharedTokenSource>();
        }

        public SharedTokenSource Tokens { get; }

        /// <param name="clock">The instance's clock; the machine's by default.</param>
        public static async Task<Instance> StartAsync(TempDirectory directory, string sandboxUrl, TimeProvider? clock = null, string merchantKey = Demo.MerchantKey)
        {
            var settings = RefundHarness.Settings(sandboxUrl);
            settings["Payguru:MerchantKey"] = merchantKey;
            settings["ConnectionStrings:Payguru"] = $"Data Source={directory.File("payguru.db")}";
            settings["Database:Provider"] = "Sqlite";
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

            var services = new ServiceCollection();
            services.AddLogging();
            services
                .AddProcessorOptions(configuration)
                .AddProcessorDatabase()
                .AddProcessorTelemetry(configuration)
                .AddSingleton(ProcessorInstance.New())
                .AddProcessorRefunds();
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            return new Instance(provider);
        }

        public async Task<(string? Token, long Generation)> StoredAsync() =>
            Assert.Single(await QueryAsync<(string?, long)>("SELECT token, generation FROM payguru_tokens;"));

        public async Task<T> ScalarAsync<T>(string sql) => (await QueryAsync<T>(sql)).Single();

        async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
        {
            await using var connection = await _provider.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
            return (await connection.QueryAsync<T>(sql)).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            await using (var connection = await _provider.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None))
            {
                SqliteConnection.ClearPool((SqliteConnection)connection);
            }

            await _provider.DisposeAsync();
        }
    }
}
