using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// The sub-merchant registrations. The decision takes the handling's transaction; the attempt
/// statements open their own (<see cref="AttemptRows{TRecord, TKey}"/>), and every completion is guarded by
/// the attempt that owns the row, so that across instances only one attempt at a time may call
/// Paywall for an external id.
/// </summary>
public sealed class SubMerchantStore(SubMerchantQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    readonly AttemptRows<SubMerchantRecord, string> _attempts = new(connections, clock, queries.SelectByKey);

    public Task<SubMerchantRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, string memberExternalId) =>
        _attempts.FindAsync(connection, transaction, memberExternalId);

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
        if (record.Registration == 1)
        {
            await transaction.Connection!.ExecuteAsync(queries.InsertFirst, record, transaction);
            return true;
        }

        return await transaction.Connection!.ExecuteAsync(queries.ReplaceRejected, record, transaction) == 1;
    }

    /// <summary>Starts an attempt on an accepted registration: it becomes <c>creating</c>, owned by <paramref name="attemptId"/> until <paramref name="expiresAt"/>.</summary>
    public Task<SubMerchantRecord?> TryStartAttemptAsync(string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _attempts.ClaimAsync(queries.StartAttempt, memberExternalId, attemptId, expiresAt, cancellationToken);

    /// <summary>
    /// Takes over an attempt that expired (its instance crashed, or its outcome stayed unknown). The
    /// attempt before may have reached Paywall, so the outcome counts as unknown from here on.
    /// </summary>
    public Task<SubMerchantRecord?> TryTakeOverAttemptAsync(string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _attempts.ClaimAsync(queries.TakeOverAttempt, memberExternalId, attemptId, expiresAt, cancellationToken);

    /// <summary>The attempt got no usable answer: marks the outcome unknown and leaves it to the sweep after <paramref name="expiresAt"/>.</summary>
    public Task<bool> PostponeUnknownAsync(string memberExternalId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _attempts.PostponeAsync(queries.PostponeUnknown, memberExternalId, attemptId, expiresAt, cancellationToken);

    /// <summary>Records the member Paywall holds, if <paramref name="attemptId"/> still owns the registration; the request is dropped.</summary>
    public async Task<bool> CompleteRegisteredAsync(DbTransaction transaction, string memberExternalId, string attemptId, long? paywallMemberId) =>
        await transaction.Connection!.ExecuteAsync(queries.CompleteRegistered,
            new { Key = memberExternalId, AttemptId = attemptId, MemberId = paywallMemberId, Now = clock.GetUtcNow() }, transaction) == 1;

    /// <summary>Records Paywall's refusal, if <paramref name="attemptId"/> still owns the registration; the request is dropped.</summary>
    public async Task<bool> CompleteRejectedAsync(DbTransaction transaction, string memberExternalId, string attemptId, string reason, string message, int? paywallErrorCode) =>
        await transaction.Connection!.ExecuteAsync(queries.CompleteRejected, new
        {
            Key = memberExternalId,
            AttemptId = attemptId,
            Reason = reason,
            Message = message,
            Code = paywallErrorCode,
            Now = clock.GetUtcNow(),
        }, transaction) == 1;

    /// <summary>Registrations the sweep should move on: accepted ones, at least <paramref name="acceptedFor"/> old, and attempts that expired.</summary>
    public Task<IReadOnlyList<(string MemberExternalId, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken) =>
        _attempts.SweepableAsync(queries.SelectSweepable, limit, acceptedFor, cancellationToken);
}
