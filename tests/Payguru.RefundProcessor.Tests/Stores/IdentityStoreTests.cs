using Payguru.RefundProcessor.Identity;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>The TCKN hashes of orders, for any dialect: replaced as a whole, found per service, erased per order.</summary>
public abstract class IdentityStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    static readonly Dictionary<string, string> First = new() { ["DEMO"] = "hash-demo-1", ["OTHER"] = "hash-other-1" };

    IdentityStore Identities => new(Database.IdentityQueries, Database.Connections);

    [SkippableFact]
    public async Task Replaced_hashes_are_found_per_service()
    {
        await InTransactionAsync(async tx =>
        {
            await Identities.ReplaceAsync(tx, "order-1", First, Clock.GetUtcNow());
            return 0;
        });

        Assert.Equal("hash-demo-1", await Identities.FindHashAsync("order-1", "DEMO", CancellationToken.None));
        Assert.Equal("hash-other-1", await Identities.FindHashAsync("order-1", "OTHER", CancellationToken.None));
        Assert.Null(await Identities.FindHashAsync("order-1", "NONE", CancellationToken.None));
        Assert.Null(await Identities.FindHashAsync("order-2", "DEMO", CancellationToken.None));
        Assert.Equal(Clock.GetUtcNow().ToString("O"), await ScalarAsync<string>("SELECT DISTINCT registered_at FROM order_identities;"));
    }

    [SkippableFact]
    public async Task Replacing_again_overwrites_the_hashes_and_drops_services_no_longer_given()
    {
        await InTransactionAsync(async tx =>
        {
            await Identities.ReplaceAsync(tx, "order-1", First, Clock.GetUtcNow());
            return 0;
        });
        Clock.Advance(TimeSpan.FromMinutes(1));

        var stored = await InTransactionAsync(async tx =>
        {
            await Identities.ReplaceAsync(tx, "order-1", new Dictionary<string, string> { ["DEMO"] = "hash-demo-2" }, Clock.GetUtcNow());
            return await Identities.HashesForUpdateAsync(tx, "order-1");
        });

        Assert.Equal(new Dictionary<string, string> { ["DEMO"] = "hash-demo-2" }, stored);
        Assert.Equal(Clock.GetUtcNow().ToString("O"), await ScalarAsync<string>("SELECT registered_at FROM order_identities;"));
    }

    [SkippableFact]
    public async Task Registration_reading_an_order_another_is_registering_waits_and_then_sees_its_hashes()
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        await using var first = await connection.BeginTransactionAsync();
        Assert.Empty(await Identities.HashesForUpdateAsync(first, "order-1"));

        // Without the lock both would read no hashes, and both report that they replaced nothing.
        // A second registration that may not wait is refused: one that may, waits.
        Assert.True(await Database.IsLockedOutAsync(tx => Identities.HashesForUpdateAsync(tx, "order-1")),
            "the second registration read the order while the first held it");
        // On a thread of its own: SQLite's begin waits for the writer's lock synchronously.
        var second = Task.Run(() => InTransactionAsync(tx => Identities.HashesForUpdateAsync(tx, "order-1")));
        await Identities.ReplaceAsync(first, "order-1", First, Clock.GetUtcNow());
        await first.CommitAsync();

        Assert.Equal(First, await second);
        Assert.False(await Database.IsLockedOutAsync(tx => Identities.HashesForUpdateAsync(tx, "order-1")), "both registrations ended: nothing holds the order");
    }

    [SkippableFact]
    public async Task Erase_deletes_every_hash_of_the_order_and_no_other()
    {
        await InTransactionAsync(async tx =>
        {
            await Identities.ReplaceAsync(tx, "order-1", First, Clock.GetUtcNow());
            await Identities.ReplaceAsync(tx, "order-2", First, Clock.GetUtcNow());
            return 0;
        });

        var erased = await InTransactionAsync(tx => Identities.EraseAsync(tx, "order-1"));
        var again = await InTransactionAsync(tx => Identities.EraseAsync(tx, "order-1"));

        Assert.Equal(2, erased);
        Assert.Equal(0, again);
        Assert.Equal(["order-2", "order-2"], await QueryAsync<string>("SELECT order_ref FROM order_identities;"));
    }

    [SkippableFact]
    public async Task Replacement_in_a_rolled_back_transaction_is_not_stored()
    {
        await InTransactionAsync(async tx =>
        {
            await Identities.ReplaceAsync(tx, "order-1", First, Clock.GetUtcNow());
            return 0;
        }, commit: false);

        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM order_identities;"));
    }
}
