using Payguru.RefundProcessor.Tokens;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// The shared token row and its refresh lease (invariant 7, docs/architecture.md), for any dialect: one lease holder at a
/// time, only while the stored token is still the refused one; storing ends the lease; a lease is
/// given up only by its holder, or expires.
/// </summary>
public abstract class TokenStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    const string Merchant = "123";
    static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(8);

    TokenStore Tokens => new(Database.TokenQueries, Database.Connections, Clock);

    [SkippableFact]
    public async Task No_token_is_stored_at_first()
    {
        Assert.Equal(new StoredToken(null, 0), await Tokens.ReadAsync(Merchant, CancellationToken.None));
    }

    [SkippableFact]
    public async Task One_lease_holder_at_a_time_until_it_stores_the_token()
    {
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, null, "a", LeaseFor, CancellationToken.None));
        Assert.False(await Tokens.TryLeaseRefreshAsync(Merchant, null, "b", LeaseFor, CancellationToken.None));
        Assert.False(await Tokens.TryLeaseRefreshAsync(Merchant, null, "a", LeaseFor, CancellationToken.None));

        Assert.Equal(new StoredToken("token-1", 1), await Tokens.StoreAsync(Merchant, "token-1", "a", CancellationToken.None));

        Assert.Equal(new StoredToken("token-1", 1), await Tokens.ReadAsync(Merchant, CancellationToken.None));
        // The token was replaced: a lease to replace "no token" again is refused; one to replace token-1 is granted.
        Assert.False(await Tokens.TryLeaseRefreshAsync(Merchant, null, "b", LeaseFor, CancellationToken.None));
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, "token-1", "b", LeaseFor, CancellationToken.None));
        Assert.Equal(new StoredToken("token-2", 2), await Tokens.StoreAsync(Merchant, "token-2", "b", CancellationToken.None));
        Assert.False(await Tokens.TryLeaseRefreshAsync(Merchant, "token-1", "c", LeaseFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Lease_taken_concurrently_goes_to_exactly_one_owner()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leasing = Enumerable.Range(0, 8).Select(async i =>
        {
            await start.Task;
            return await Tokens.TryLeaseRefreshAsync(Merchant, null, $"owner-{i}", LeaseFor, CancellationToken.None);
        }).ToList();
        start.SetResult();

        Assert.Single(await Task.WhenAll(leasing), leased => leased);
    }

    [SkippableFact]
    public async Task Lease_is_released_only_by_its_holder_or_by_expiring()
    {
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, null, "a", LeaseFor, CancellationToken.None));

        await Tokens.ReleaseLeaseAsync(Merchant, "b", CancellationToken.None);
        Assert.False(await Tokens.TryLeaseRefreshAsync(Merchant, null, "b", LeaseFor, CancellationToken.None));

        await Tokens.ReleaseLeaseAsync(Merchant, "a", CancellationToken.None);
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, null, "b", LeaseFor, CancellationToken.None));

        Clock.Advance(LeaseFor);
        Assert.False(await Tokens.TryLeaseRefreshAsync(Merchant, null, "c", LeaseFor, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, null, "c", LeaseFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Token_stored_by_one_whose_lease_was_taken_over_is_not_kept()
    {
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, null, "slow", LeaseFor, CancellationToken.None));
        Clock.Advance(LeaseFor + TimeSpan.FromMilliseconds(1));
        Assert.True(await Tokens.TryLeaseRefreshAsync(Merchant, null, "fast", LeaseFor, CancellationToken.None));
        await Tokens.StoreAsync(Merchant, "token-fast", "fast", CancellationToken.None);

        await Tokens.StoreAsync(Merchant, "token-slow", "slow", CancellationToken.None);

        Assert.Equal(new StoredToken("token-fast", 1), await Tokens.ReadAsync(Merchant, CancellationToken.None));
    }
}
