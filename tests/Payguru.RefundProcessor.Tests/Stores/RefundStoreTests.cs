using System.Data.Common;
using Payguru.RefundProcessor.Refunds;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// The refund attempt statements (invariant 5, docs/architecture.md), for any dialect: an attempt starts only from
/// accepted and only while no other refund of the order is mid-create; it is taken over only once
/// expired; only the owning attempt completes it; a Payguru refund id belongs to one request. Also
/// what counts against the payment, what the sweep picks, and results that only move forwards.
/// </summary>
public abstract class RefundStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    static readonly TimeSpan AttemptFor = TimeSpan.FromSeconds(10);

    RefundStore Refunds => new(Database.RefundQueries, Database.Connections, Clock);

    DateTimeOffset Expiry => Clock.GetUtcNow() + AttemptFor;

    [SkippableFact]
    public async Task Attempt_starts_on_an_accepted_refund_and_owns_it_until_its_expiry()
    {
        var id = await InsertAsync("order-1");

        var started = await Refunds.TryStartAttemptAsync(id, "attempt-1", Expiry, CancellationToken.None);

        Assert.NotNull(started);
        Assert.Equal(
            (RefundRecordStates.Creating, "attempt-1", (DateTimeOffset?)Expiry, 1),
            (started.State, started.AttemptOwner, started.AttemptExpiresAt, started.Attempts));
        Assert.Equal((id, "order-1", "1.00", "TR800011100000000036888459"), (started.RequestId, started.Order, started.Amount, started.Iban));
        Assert.Equal(RefundRecordStates.Creating, await StateAsync(id));
    }

    [SkippableFact]
    public async Task Attempt_starts_only_from_accepted()
    {
        var creating = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(creating, "attempt-1", Expiry, CancellationToken.None));
        var rejected = await InsertAsync("order-2", RefundRecordStates.Rejected);
        var submitted = await InsertAsync("order-3");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(submitted, "attempt-3", Expiry, CancellationToken.None));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, submitted, "attempt-3", 301)));

        Assert.Null(await Refunds.TryStartAttemptAsync(creating, "attempt-again", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryStartAttemptAsync(rejected, "attempt-2", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryStartAttemptAsync(submitted, "attempt-again", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryStartAttemptAsync(Guid.NewGuid(), "attempt-none", Expiry, CancellationToken.None));

        Assert.Equal("attempt-1", await ScalarAsync<string>("SELECT attempt_owner FROM refunds WHERE request_id = @Id;", new { Id = Key(creating) }));
        Assert.Equal(RefundRecordStates.Rejected, await StateAsync(rejected));
        Assert.Equal(RefundRecordStates.Submitted, await StateAsync(submitted));
    }

    [SkippableFact]
    public async Task Attempt_waits_while_another_refund_of_the_same_order_is_creating()
    {
        var first = await InsertAsync("order-1");
        var second = await InsertAsync("order-1");
        var third = await InsertAsync("order-1");
        var otherOrder = await InsertAsync("order-2");

        Assert.NotNull(await Refunds.TryStartAttemptAsync(first, "attempt-1", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryStartAttemptAsync(second, "attempt-2", Expiry, CancellationToken.None));
        Assert.NotNull(await Refunds.TryStartAttemptAsync(otherOrder, "attempt-x", Expiry, CancellationToken.None));
        Assert.Equal(RefundRecordStates.Accepted, await StateAsync(second));

        // Expired is still mid-create: only a take-over may move it on, never a second create beside it.
        Clock.Advance(AttemptFor * 2);
        Assert.Null(await Refunds.TryStartAttemptAsync(second, "attempt-2", Expiry, CancellationToken.None));

        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, first, "attempt-1", 101)));
        Assert.NotNull(await Refunds.TryStartAttemptAsync(second, "attempt-2", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryStartAttemptAsync(third, "attempt-3", Expiry, CancellationToken.None));

        Assert.True(await InTransactionAsync(tx => Refunds.CompleteRejectedAsync(tx, second, "attempt-2", "provider_error", "refused", "ERR_005")));
        Assert.NotNull(await Refunds.TryStartAttemptAsync(third, "attempt-3", Expiry, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Concurrent_attempts_on_refunds_of_one_order_start_exactly_one()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await InsertAsync("order-1"));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starting = ids.Select(async (id, i) =>
        {
            await start.Task;
            return await Refunds.TryStartAttemptAsync(id, $"attempt-{i}", Expiry, CancellationToken.None);
        }).ToList();
        start.SetResult();
        var started = await Task.WhenAll(starting);

        Assert.Single(started, s => s is not null);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM refunds WHERE state = 'creating';"));
    }

    [SkippableFact]
    public async Task Only_one_refund_of_an_order_can_be_creating_whatever_writes_it()
    {
        await InsertAsync("order-1");
        await InsertAsync("order-1");

        await Assert.ThrowsAnyAsync<DbException>(() => InTransactionAsync(async tx =>
        {
            await using var command = tx.Connection!.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "UPDATE refunds SET state = 'creating' WHERE order_ref = 'order-1';";
            return await command.ExecuteNonQueryAsync();
        }));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM refunds WHERE state = 'creating';"));
    }

    [SkippableFact]
    public async Task Attempt_is_taken_over_only_after_it_expired()
    {
        var id = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(id, "attempt-1", Expiry, CancellationToken.None));

        Assert.Null(await Refunds.TryTakeOverAttemptAsync(id, "attempt-2", Expiry, CancellationToken.None));
        Clock.Advance(AttemptFor);
        Assert.Null(await Refunds.TryTakeOverAttemptAsync(id, "attempt-2", Expiry, CancellationToken.None)); // at the expiry, not yet past it

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var taken = await Refunds.TryTakeOverAttemptAsync(id, "attempt-2", Expiry, CancellationToken.None);

        Assert.NotNull(taken);
        Assert.Equal((RefundRecordStates.Creating, "attempt-2", (DateTimeOffset?)Expiry), (taken.State, taken.AttemptOwner, taken.AttemptExpiresAt));
        // The new owner holds it now: a third cannot take it over, the old owner cannot finish or postpone it.
        Assert.Null(await Refunds.TryTakeOverAttemptAsync(id, "attempt-3", Expiry, CancellationToken.None));
        Assert.False(await Refunds.PostponeAttemptAsync(id, "attempt-1", Expiry + AttemptFor, CancellationToken.None));
        Assert.False(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "attempt-1", 101)));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "attempt-2", 101)));
    }

    [SkippableFact]
    public async Task Attempt_is_never_taken_over_when_not_creating()
    {
        var accepted = await InsertAsync("order-1");
        var submitted = await InsertAsync("order-2");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(submitted, "attempt-1", Expiry, CancellationToken.None));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, submitted, "attempt-1", 201)));
        var rejected = await InsertAsync("order-3", RefundRecordStates.Rejected);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Null(await Refunds.TryTakeOverAttemptAsync(accepted, "attempt-2", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryTakeOverAttemptAsync(submitted, "attempt-2", Expiry, CancellationToken.None));
        Assert.Null(await Refunds.TryTakeOverAttemptAsync(rejected, "attempt-2", Expiry, CancellationToken.None));
        Assert.Equal(
            [RefundRecordStates.Accepted, RefundRecordStates.Submitted, RefundRecordStates.Rejected],
            [await StateAsync(accepted), await StateAsync(submitted), await StateAsync(rejected)]);
    }

    [SkippableFact]
    public async Task Postponed_attempt_is_taken_over_only_after_its_new_expiry()
    {
        var id = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(id, "attempt-1", Expiry, CancellationToken.None));

        Assert.True(await Refunds.PostponeAttemptAsync(id, "attempt-1", Expiry + AttemptFor, CancellationToken.None));
        Clock.Advance(AttemptFor + TimeSpan.FromSeconds(1));
        Assert.Null(await Refunds.TryTakeOverAttemptAsync(id, "attempt-2", Expiry, CancellationToken.None));
        Clock.Advance(AttemptFor);
        Assert.NotNull(await Refunds.TryTakeOverAttemptAsync(id, "attempt-2", Expiry, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Only_the_owning_attempt_completes_a_refund_and_only_once()
    {
        var id = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(id, "attempt-1", Expiry, CancellationToken.None));

        Assert.False(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "someone-else", 101)));
        Assert.False(await InTransactionAsync(tx => Refunds.CompleteRejectedAsync(tx, id, "someone-else", "provider_error", "no", "ERR_005")));
        var untouched = (await Refunds.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((RefundRecordStates.Creating, (long?)null, "attempt-1"), (untouched.State, untouched.RefundId, untouched.AttemptOwner));

        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "attempt-1", 101)));
        var done = (await Refunds.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((RefundRecordStates.Submitted, (long?)101, (string?)null, (DateTimeOffset?)null), (done.State, done.RefundId, done.AttemptOwner, done.AttemptExpiresAt));

        Assert.False(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "attempt-1", 102)));
        Assert.False(await InTransactionAsync(tx => Refunds.CompleteRejectedAsync(tx, id, "attempt-1", "provider_error", "late", "ERR_005")));
        Assert.Equal((long?)101, (await Refunds.FindAsync(id, CancellationToken.None))!.RefundId);
    }

    [SkippableFact]
    public async Task Completion_in_a_rolled_back_transaction_leaves_the_attempt_open()
    {
        var id = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(id, "attempt-1", Expiry, CancellationToken.None));

        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "attempt-1", 101), commit: false));

        Assert.Equal(RefundRecordStates.Creating, await StateAsync(id));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, id, "attempt-1", 101)));
    }

    [SkippableFact]
    public async Task Payguru_refund_id_belongs_to_one_request()
    {
        var first = await InsertAsync("order-1");
        var second = await InsertAsync("order-2");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(first, "attempt-1", Expiry, CancellationToken.None));
        Assert.NotNull(await Refunds.TryStartAttemptAsync(second, "attempt-2", Expiry, CancellationToken.None));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, first, "attempt-1", 777)));

        await Assert.ThrowsAnyAsync<DbException>(() => InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, second, "attempt-2", 777)));

        Assert.Equal(RefundRecordStates.Creating, await StateAsync(second));
        Assert.Equal(Key(first), await ScalarAsync<string>("SELECT request_id FROM refunds WHERE refund_id = 777;"));
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(first, (await Refunds.FindByRefundIdAsync(connection, null, 777))!.RequestId);
    }

    [SkippableFact]
    public async Task Rejected_refunds_do_not_count_against_the_payment()
    {
        await InsertAsync("order-1", amount: "6.00");
        await InsertAsync("order-1", RefundRecordStates.Rejected, amount: "4.01");
        var submitting = await InsertAsync("order-1", amount: "2.50");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(submitting, "attempt-1", Expiry, CancellationToken.None));
        await InsertAsync("order-2", amount: "9.00");

        var amounts = await InTransactionAsync(tx => Refunds.CommittedAmountsAsync(tx, "order-1"));

        Assert.Equal(["2.50", "6.00"], amounts.Order());
    }

    [SkippableFact]
    public async Task Known_refund_ids_are_those_recorded_for_the_order()
    {
        var first = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(first, "attempt-1", Expiry, CancellationToken.None));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, first, "attempt-1", 11)));
        var other = await InsertAsync("order-2");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(other, "attempt-2", Expiry, CancellationToken.None));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, other, "attempt-2", 22)));
        await InsertAsync("order-1");

        Assert.Equal([11L], await Refunds.KnownRefundIdsAsync("order-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Next_accepted_of_an_order_is_its_oldest()
    {
        var creating = await InsertAsync("order-1");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(creating, "attempt-1", Expiry, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var older = await InsertAsync("order-1");
        Clock.Advance(TimeSpan.FromSeconds(1));
        await InsertAsync("order-1");
        await InsertAsync("order-2");

        Assert.Equal(older, await Refunds.NextAcceptedOfOrderAsync("order-1", CancellationToken.None));
        Assert.Null(await Refunds.NextAcceptedOfOrderAsync("order-none", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Sweep_picks_accepted_refunds_and_expired_attempts_only()
    {
        var accepted = await InsertAsync("order-1");
        var live = await InsertAsync("order-2");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(live, "attempt-live", Clock.GetUtcNow() + TimeSpan.FromHours(1), CancellationToken.None));
        var expired = await InsertAsync("order-3");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(expired, "attempt-expired", Expiry, CancellationToken.None));
        await InsertAsync("order-4", RefundRecordStates.Rejected);
        var submitted = await InsertAsync("order-5");
        Assert.NotNull(await Refunds.TryStartAttemptAsync(submitted, "attempt-5", Expiry, CancellationToken.None));
        Assert.True(await InTransactionAsync(tx => Refunds.CompleteSubmittedAsync(tx, submitted, "attempt-5", 5)));

        Assert.Equal([accepted], (await Refunds.SweepableAsync(100, TimeSpan.Zero, CancellationToken.None)).Select(r => r.Key));

        Clock.Advance(AttemptFor + TimeSpan.FromMilliseconds(1));
        Assert.Equal(new[] { accepted, expired }.Order(), (await Refunds.SweepableAsync(100, TimeSpan.Zero, CancellationToken.None)).Select(r => r.Key).Order());
        Assert.Single(await Refunds.SweepableAsync(1, TimeSpan.Zero, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Sweep_leaves_a_refund_accepted_just_now_to_the_submit_after_its_commit()
    {
        var sweepAfter = TimeSpan.FromSeconds(5);
        var accepted = await InsertAsync("order-1");

        Assert.Empty(await Refunds.SweepableAsync(100, sweepAfter, CancellationToken.None));
        Clock.Advance(sweepAfter - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Refunds.SweepableAsync(100, sweepAfter, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([accepted], (await Refunds.SweepableAsync(100, sweepAfter, CancellationToken.None)).Select(r => r.Key));
    }

    [SkippableFact]
    public async Task Results_only_move_forwards()
    {
        var results = new List<bool>();
        foreach (var status in new[] { 1, 2, 2, 1, 3, 2, 3 })
        {
            results.Add(await InTransactionAsync(tx => Refunds.TryRecordResultAsync(tx, Result(status))));
        }

        Assert.Equal([true, true, false, false, true, false, false], results);
        Assert.Equal(
            [(3L, "Bank 3")],
            await QueryAsync<(long, string)>("SELECT status, bank_name FROM refund_results WHERE refund_id = 55;"));
    }

    static RefundResult Result(int status) => new(55, status, "order-1", "1.00", $"Bank {status}", null, null, null, null, null);

    async Task<Guid> InsertAsync(string order, string state = RefundRecordStates.Accepted, string amount = "1.00")
    {
        var now = Clock.GetUtcNow();
        var record = new RefundRecord
        {
            RequestId = Guid.NewGuid(),
            Order = order,
            ServiceCode = "DEMO",
            Amount = amount,
            ContactName = state == RefundRecordStates.Rejected ? "" : "Demo Customer",
            Iban = state == RefundRecordStates.Rejected ? "****8459" : "TR800011100000000036888459",
            State = state,
            RejectionReason = state == RefundRecordStates.Rejected ? "invalid_amount" : null,
            RequestedAt = now,
            UpdatedAt = now,
        };
        await InTransactionAsync(async tx =>
        {
            await Refunds.InsertAsync(tx, record);
            return true;
        });
        return record.RequestId;
    }

    Task<string> StateAsync(Guid requestId) => ScalarAsync<string>("SELECT state FROM refunds WHERE request_id = @Id;", new { Id = Key(requestId) });

    static string Key(Guid requestId) => requestId.ToString("D");
}
