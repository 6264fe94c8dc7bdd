using Payguru.RefundProcessor.Paywall;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// The sub-merchant statements, for any dialect: one row per external id (a second first registration fails, a
/// rejected one may be registered again once); an attempt starts only from accepted, is taken over only once expired
/// (and then counts as an unknown outcome); only the owning attempt completes it, and completing drops the request;
/// the sweep picks accepted and expired registrations.
/// </summary>
public abstract class SubMerchantStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    static readonly TimeSpan AttemptFor = TimeSpan.FromSeconds(10);

    SubMerchantStore Store => new(Database.SubMerchantQueries, Database.Connections, Clock);

    DateTimeOffset Expiry => Clock.GetUtcNow() + AttemptFor;

    [SkippableFact]
    public async Task Accepted_registration_is_stored_with_its_request_and_read_back()
    {
        await SaveAsync("EXT-1");

        var record = await Store.FindAsync("EXT-1", CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(("EXT-1", 1, SubMerchantRecordStates.Accepted, "Shop", "{\"x\":1}", false), (record.MemberExternalId, record.Registration, record.State, record.MemberName, record.Request, record.OutcomeUnknown));
    }

    [SkippableFact]
    public async Task A_second_first_registration_of_the_same_id_fails()
    {
        await SaveAsync("EXT-1");

        await Assert.ThrowsAnyAsync<Exception>(() => SaveAsync("EXT-1"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM sub_merchants;"));
    }

    [SkippableFact]
    public async Task Only_a_rejected_registration_is_taken_by_the_next_one_and_only_once()
    {
        await SaveAsync("EXT-ACCEPTED");
        await SaveAsync("EXT-REJECTED", state: SubMerchantRecordStates.Rejected);

        Assert.False(await SaveAsync("EXT-ACCEPTED", registration: 2));
        Assert.True(await SaveAsync("EXT-REJECTED", registration: 2));
        Assert.False(await SaveAsync("EXT-REJECTED", registration: 2));

        var again = await Store.FindAsync("EXT-REJECTED", CancellationToken.None);
        Assert.Equal((2, SubMerchantRecordStates.Accepted, (string?)null), (again!.Registration, again.State, again.RejectionReason));
    }

    [SkippableFact]
    public async Task Attempt_starts_only_from_accepted_and_only_its_owner_completes_it_dropping_the_request()
    {
        await SaveAsync("EXT-1");

        var started = await Store.TryStartAttemptAsync("EXT-1", "attempt-1", Expiry, CancellationToken.None);
        Assert.Equal((SubMerchantRecordStates.Creating, 1), (started!.State, started.Attempts));
        Assert.Null(await Store.TryStartAttemptAsync("EXT-1", "attempt-2", Expiry, CancellationToken.None));
        Assert.False(await InTransactionAsync(tx => Store.CompleteRegisteredAsync(tx, "EXT-1", "attempt-2", 7)));
        Assert.True(await InTransactionAsync(tx => Store.CompleteRegisteredAsync(tx, "EXT-1", "attempt-1", 7)));

        var done = await Store.FindAsync("EXT-1", CancellationToken.None);
        Assert.Equal((SubMerchantRecordStates.Registered, (long?)7, (string?)null), (done!.State, done.PaywallMemberId, done.Request));
    }

    [SkippableFact]
    public async Task Attempt_is_taken_over_only_once_expired_and_then_counts_as_unknown()
    {
        await SaveAsync("EXT-1");
        await Store.TryStartAttemptAsync("EXT-1", "attempt-1", Expiry, CancellationToken.None);

        Assert.Null(await Store.TryTakeOverAttemptAsync("EXT-1", "attempt-2", Expiry, CancellationToken.None));
        Assert.Empty(await Store.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));
        Clock.Advance(AttemptFor + TimeSpan.FromSeconds(1));
        Assert.Equal([("EXT-1", SubMerchantRecordStates.Creating)], await Store.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));
        var taken = await Store.TryTakeOverAttemptAsync("EXT-1", "attempt-2", Expiry, CancellationToken.None);

        Assert.True(taken!.OutcomeUnknown);
        Assert.False(await InTransactionAsync(tx => Store.CompleteRejectedAsync(tx, "EXT-1", "attempt-1", "paywall_error", "late", 500)));
        Assert.True(await InTransactionAsync(tx => Store.CompleteRejectedAsync(tx, "EXT-1", "attempt-2", "paywall_error", "Busy", 1001)));
        var rejected = await Store.FindAsync("EXT-1", CancellationToken.None);
        Assert.Equal((SubMerchantRecordStates.Rejected, "Busy", (int?)1001, (string?)null), (rejected!.State, rejected.RejectionMessage, rejected.PaywallErrorCode, rejected.Request));
    }

    [SkippableFact]
    public async Task Unknown_outcome_is_marked_and_postponed_by_its_owner_only()
    {
        await SaveAsync("EXT-1");
        await Store.TryStartAttemptAsync("EXT-1", "attempt-1", Expiry, CancellationToken.None);

        Assert.False(await Store.PostponeAttemptAsync("EXT-1", "attempt-other", Expiry, CancellationToken.None));
        Assert.True(await Store.PostponeAttemptAsync("EXT-1", "attempt-1", Clock.GetUtcNow() + TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.True((await Store.FindAsync("EXT-1", CancellationToken.None))!.OutcomeUnknown);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(await Store.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Sweep_picks_accepted_ones_oldest_first_up_to_the_limit_and_never_decided_ones()
    {
        await SaveAsync("EXT-OLD");
        Clock.Advance(TimeSpan.FromSeconds(1));
        await SaveAsync("EXT-NEW");
        await SaveAsync("EXT-DONE", state: SubMerchantRecordStates.Rejected);

        Assert.Equal([("EXT-OLD", SubMerchantRecordStates.Accepted)], await Store.SweepableAsync(1, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(["EXT-OLD", "EXT-NEW"], (await Store.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None)).Select(r => r.Key));
    }

    [SkippableFact]
    public async Task Sweep_leaves_a_registration_accepted_just_now_to_the_member_call_after_its_commit()
    {
        var sweepAfter = TimeSpan.FromSeconds(5);
        await SaveAsync("EXT-1");

        Assert.Empty(await Store.SweepableAsync(10, sweepAfter, CancellationToken.None));
        Clock.Advance(sweepAfter - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Store.SweepableAsync(10, sweepAfter, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([("EXT-1", SubMerchantRecordStates.Accepted)], await Store.SweepableAsync(10, sweepAfter, CancellationToken.None));
    }

    Task<bool> SaveAsync(string id, string state = SubMerchantRecordStates.Accepted, int registration = 1) =>
        InTransactionAsync(tx => Store.SaveRegistrationAsync(tx, new SubMerchantRecord
        {
            MemberExternalId = id,
            Registration = registration,
            State = state,
            MemberName = "Shop",
            Request = state == SubMerchantRecordStates.Accepted ? "{\"x\":1}" : null,
            RejectionReason = state == SubMerchantRecordStates.Rejected ? "invalid_email" : null,
            RequestedAt = Clock.GetUtcNow(),
            UpdatedAt = Clock.GetUtcNow(),
        }));
}
