using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// The sub-merchant registrations. The decision takes the handling's transaction; the attempt
/// statements open their own, and every completion is guarded by the attempt that owns the row, so
/// that across instances only one attempt at a time may call Paywall for an external id.
/// </summary>
public sealed class SubMerchantStore(ISubMerchantQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    const string Columns = """
        member_external_id AS MemberExternalId, registration AS Registration, state AS State, member_name AS MemberName,
        request AS Request, paywall_member_id AS PaywallMemberId, outcome_unknown AS OutcomeUnknown,
        rejection_reason AS RejectionReason, rejection_message AS RejectionMessage, paywall_error_code AS PaywallErrorCode,
        attempts AS Attempts, requested_at AS RequestedAt, updated_at AS UpdatedAt
        """;

    public async Task<SubMerchantRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, string memberExternalId) =>
        (await connection.QuerySingleOrDefaultAsync<SubMerchantRow>(
            $"SELECT {Columns} FROM sub_merchants WHERE member_external_id = @Id;", new { Id = memberExternalId }, transaction))?.ToRecord();

    public async Task<SubMerchantRecord?> FindAsync(string memberExternalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, memberExternalId);
    }

    /// <summary>
    /// Records a new registration of the id: a first row, or the rejected row of the registration
    /// before it taken over. False when another handling got there first (the caller's transaction
    /// then fails and its message is retried, and sees that registration).
    /// </summary>
    public async Task<bool> SaveRegistrationAsync(DbTransaction transaction, SubMerchantRecord record)
    {
        var parameters = new
        {
            Id = record.MemberExternalId,
            record.Registration,
            Previous = record.Registration - 1,
            record.State,
            record.MemberName,
            record.Request,
            record.RejectionReason,
            record.RejectionMessage,
            record.PaywallErrorCode,
            RequestedAt = record.RequestedAt.ToString("O"),
            UpdatedAt = record.UpdatedAt.ToString("O"),
        };
        if (record.Registration == 1)
        {
            await transaction.Connection!.ExecuteAsync("""
                INSERT INTO sub_merchants (member_external_id, registration, state, member_name, request, rejection_reason,
                                           rejection_message, paywall_error_code, requested_at, updated_at)
                VALUES (@Id, @Registration, @State, @MemberName, @Request, @RejectionReason, @RejectionMessage, @PaywallErrorCode, @RequestedAt, @UpdatedAt);
                """, parameters, transaction);
            return true;
        }

        var rows = await transaction.Connection!.ExecuteAsync("""
            UPDATE sub_merchants SET registration = @Registration, state = @State, member_name = @MemberName, request = @Request,
                                     paywall_member_id = NULL, outcome_unknown = 0, rejection_reason = @RejectionReason,
                                     rejection_message = @RejectionMessage, paywall_error_code = @PaywallErrorCode,
                                     attempt_owner = NULL, attempt_expires_at = NULL, attempts = 0,
                                     requested_at = @RequestedAt, updated_at = @UpdatedAt
            WHERE member_external_id = @Id AND state = 'rejected' AND registration = @Previous;
            """, parameters, transaction);
        return rows == 1;
    }

    /// <summary>Starts an attempt on an accepted registration: it becomes <c>creating</c>, owned by <paramref name="attemptId"/> until <paramref name="expiresAt"/>.</summary>
    public Task<SubMerchantRecord?> TryStartAttemptAsync(string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ChangeAttemptAsync("""
            UPDATE sub_merchants SET state = 'creating', attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt,
                                     attempts = attempts + 1, updated_at = @Now
            WHERE member_external_id = @Id AND state = 'accepted';
            """, memberExternalId, attemptId, expiresAt, cancellationToken);

    /// <summary>
    /// Takes over an attempt that expired (its instance crashed, or its outcome stayed unknown). The
    /// attempt before may have reached Paywall, so the outcome counts as unknown from here on.
    /// </summary>
    public Task<SubMerchantRecord?> TryTakeOverAttemptAsync(string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ChangeAttemptAsync("""
            UPDATE sub_merchants SET attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt, outcome_unknown = 1,
                                     attempts = attempts + 1, updated_at = @Now
            WHERE member_external_id = @Id AND state = 'creating' AND attempt_expires_at < @NowMs;
            """, memberExternalId, attemptId, expiresAt, cancellationToken);

    /// <summary>The attempt got no usable answer: marks the outcome unknown and leaves it to the sweep after <paramref name="expiresAt"/>.</summary>
    public async Task<bool> PostponeUnknownAsync(string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync("""
            UPDATE sub_merchants SET outcome_unknown = 1, attempt_expires_at = @ExpiresAt, updated_at = @Now
            WHERE member_external_id = @Id AND attempt_owner = @AttemptId AND state = 'creating';
            """, new { Id = memberExternalId, AttemptId = attemptId, ExpiresAt = expiresAt.ToUnixTimeMilliseconds(), Now = clock.GetUtcNow().ToString("O") });
        return rows == 1;
    }

    /// <summary>Records the member Paywall holds, if <paramref name="attemptId"/> still owns the registration; the request is dropped.</summary>
    public async Task<bool> CompleteRegisteredAsync(DbTransaction transaction, string memberExternalId, string attemptId, long? paywallMemberId)
    {
        var rows = await transaction.Connection!.ExecuteAsync("""
            UPDATE sub_merchants SET state = 'registered', paywall_member_id = @MemberId, request = NULL,
                                     attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
            WHERE member_external_id = @Id AND attempt_owner = @AttemptId AND state = 'creating';
            """, new { Id = memberExternalId, AttemptId = attemptId, MemberId = paywallMemberId, Now = clock.GetUtcNow().ToString("O") }, transaction);
        return rows == 1;
    }

    /// <summary>Records Paywall's refusal, if <paramref name="attemptId"/> still owns the registration; the request is dropped.</summary>
    public async Task<bool> CompleteRejectedAsync(DbTransaction transaction, string memberExternalId, string attemptId, string reason, string message, int? paywallErrorCode)
    {
        var rows = await transaction.Connection!.ExecuteAsync("""
            UPDATE sub_merchants SET state = 'rejected', rejection_reason = @Reason, rejection_message = @Message, paywall_error_code = @Code,
                                     request = NULL, attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
            WHERE member_external_id = @Id AND attempt_owner = @AttemptId AND state = 'creating';
            """, new { Id = memberExternalId, AttemptId = attemptId, Reason = reason, Message = message, Code = paywallErrorCode, Now = clock.GetUtcNow().ToString("O") }, transaction);
        return rows == 1;
    }

    /// <summary>Registrations the sweep should move on: accepted ones, at least <paramref name="acceptedFor"/> old, and attempts that expired.</summary>
    public async Task<IReadOnlyList<(string MemberExternalId, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string MemberExternalId, string State)>(
            queries.SelectSweepable, new { Now = now.ToUnixTimeMilliseconds(), AcceptedBefore = (now - acceptedFor).ToString("O"), Limit = limit });
        return rows.ToList();
    }

    async Task<SubMerchantRecord?> ChangeAttemptAsync(string sql, string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(sql, new
        {
            Id = memberExternalId,
            AttemptId = attemptId,
            ExpiresAt = expiresAt.ToUnixTimeMilliseconds(),
            Now = now.ToString("O"),
            NowMs = now.ToUnixTimeMilliseconds(),
        }, transaction);
        var record = rows == 1 ? await FindAsync(connection, transaction, memberExternalId) : null;
        await transaction.CommitAsync(cancellationToken);
        return record;
    }
}
