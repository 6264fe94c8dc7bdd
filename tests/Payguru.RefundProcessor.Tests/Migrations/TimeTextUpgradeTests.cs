using Dapper;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Paywall;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.RefundProcessor.Tests.Stores.Sqlite;
using Payguru.RefundProcessor.Tokens;

namespace Payguru.RefundProcessor.Tests.Migrations;

/// <summary>
/// A database written by the version before 0007 (claims, Unix milliseconds) upgrades in place: its
/// times become round-trip text that compares with the new ones, the stores read its rows, and what
/// its outbox still held is sent by the relay once due, with the original ids.
/// </summary>
public sealed class TimeTextUpgradeTests : IAsyncLifetime
{
    const int LastScriptBefore = 6;

    static readonly DateTimeOffset Now = new(2026, 12, 2, 14, 0, 0, 123, TimeSpan.Zero);

    readonly SqliteTestDatabase _database = new();
    readonly ManualTimeProvider _clock = new(Now);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Rows_of_the_earlier_schema_are_converted_and_read_by_the_stores()
    {
        var inFlight = Guid.NewGuid();
        var released = Guid.NewGuid();
        var attemptExpiry = Now.AddMinutes(5);
        await MigrateAsTheEarlierVersionAsync();
        await ExecuteAsync(
            """
            INSERT INTO refunds (request_id, order_ref, amount, contact_name, iban, state, attempt_owner, attempt_expires_at, attempts,
                                 requested_at, updated_at, reconciled_at)
            VALUES ('8b0a3c6e-7f7e-4c39-9d0f-2f2b3c0c1a01', 'ORDER-1', '1.00', 'Demo Customer', 'TR800011100000000036888459', 'creating',
                    'attempt-1', @AttemptExpiresMs, 1, @At, @At, @NowMs);
            INSERT INTO sub_merchants (member_external_id, registration, state, member_name, attempt_owner, attempt_expires_at, attempts, requested_at, updated_at)
            VALUES ('EXT-1', 1, 'creating', 'Shop', 'attempt-2', @AttemptExpiresMs, 1, @At, @At);
            INSERT INTO payguru_tokens (merchant_id, token, generation, refresh_owner, refresh_expires_at) VALUES ('123', 'tok', 1, NULL, 0);
            INSERT INTO outbox_messages (message_id, message_type, body, created_at, claimed_by, claim_expires_at, attempts)
            VALUES (@InFlight, 'Payguru.Contracts.Payments.PaymentAccepted', '{}', @At, 'writer', @ClaimExpiresMs, 1),
                   (@Released, 'Payguru.Contracts.Payments.PaymentAccepted', '{}', @At, NULL, @NowMs, 1);
            """,
            new
            {
                AttemptExpiresMs = attemptExpiry.ToUnixTimeMilliseconds(),
                NowMs = Now.ToUnixTimeMilliseconds(),
                ClaimExpiresMs = Now.AddSeconds(30).ToUnixTimeMilliseconds(),
                At = Now.ToString("O"),
                InFlight = inFlight.ToString("D"),
                Released = released.ToString("D"),
            });

        await _database.Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal(
            SchemaMigrator.Scripts("Sqlite").Select(s => (long)s.Version),
            await QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version;"));
        Assert.Equal(
            [(attemptExpiry.ToString("O"), Now.ToString("O"))],
            await QueryAsync<(string, string)>("SELECT attempt_expires_at, reconciled_at FROM refunds;"));
        Assert.Equal(["1970-01-01T00:00:00.0000000+00:00"], await QueryAsync<string>("SELECT refresh_expires_at FROM payguru_tokens;"));

        var refunds = new RefundStore(_database.RefundQueries, _database.Connections, _clock);
        var refund = await refunds.FindAsync(Guid.Parse("8b0a3c6e-7f7e-4c39-9d0f-2f2b3c0c1a01"), CancellationToken.None);
        Assert.Equal((RefundRecordStates.Creating, (DateTimeOffset?)attemptExpiry, Now), (refund!.State, refund.AttemptExpiresAt, refund.RequestedAt));
        var subMerchants = new SubMerchantStore(_database.SubMerchantQueries, _database.Connections, _clock);
        Assert.Empty(await subMerchants.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));
        Assert.Empty(await refunds.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));

        var outbox = new OutboxStore(_database.OutboxQueries, _database.Connections, _clock);
        Assert.Equal([released], (await outbox.DueAsync(10, CancellationToken.None)).Select(r => r.MessageId));

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));
        Assert.Equal([("EXT-1", SubMerchantRecordStates.Creating)], await subMerchants.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal([(refund.RequestId, RefundRecordStates.Creating)], await refunds.SweepableAsync(10, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal([inFlight, released], (await outbox.DueAsync(10, CancellationToken.None)).Select(r => r.MessageId));
        Assert.True(await new TokenStore(_database.TokenQueries, _database.Connections, _clock)
            .TryLeaseRefreshAsync("123", "tok", "instance-1", TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    /// <summary>Creates the schema as the processor before 0007 did: the scripts up to 0006, each recorded.</summary>
    async Task MigrateAsTheEarlierVersionAsync()
    {
        var queries = new SqliteMigrationQueries();
        await ExecuteAsync(queries.PrepareDatabase!);
        await ExecuteAsync(queries.CreateHistoryTable);
        foreach (var script in SchemaMigrator.Scripts("Sqlite").Where(s => s.Version <= LastScriptBefore))
        {
            await ExecuteAsync(script.Sql);
            await ExecuteAsync(queries.RecordApplied, new { script.Version, script.Name, AppliedAt = Now.ToString("O") });
        }
    }

    async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }

    async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
