using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// The sub-merchant registrations. The decision takes the handling's transaction; the attempt statements open
/// their own, so that across instances only one attempt at a time may call Paywall for an external id.
/// </summary>
public sealed class SubMerchantStore(SubMerchantQueries queries, IDbConnectionFactory connections, TimeProvider clock)
    : AttemptStore<SubMerchantRecord, string, SubMerchantQueries>(queries, connections, clock)
{
    /// <summary>
    /// Records a new registration of the id: a first row, or the rejected row of the registration
    /// before it taken over. False when another handling got there first (the caller's transaction
    /// then fails and its message is retried, and sees that registration).
    /// </summary>
    public async Task<bool> SaveRegistrationAsync(DbTransaction transaction, SubMerchantRecord record)
    {
        if (record.Registration == 1)
        {
            await transaction.Connection!.ExecuteAsync(Queries.InsertFirst, record, transaction);
            return true;
        }

        return await transaction.Connection!.ExecuteAsync(Queries.ReplaceRejected, record, transaction) == 1;
    }

    /// <summary>Records the member Paywall holds, if <paramref name="attemptId"/> still owns the registration; the request is dropped.</summary>
    public Task<bool> CompleteRegisteredAsync(DbTransaction transaction, string memberExternalId, string attemptId, long? paywallMemberId) =>
        CompleteAsync(transaction, Queries.CompleteRegistered, memberExternalId, attemptId, new { MemberId = paywallMemberId });

    /// <summary>Records Paywall's refusal, if <paramref name="attemptId"/> still owns the registration; the request is dropped.</summary>
    public Task<bool> CompleteRejectedAsync(DbTransaction transaction, string memberExternalId, string attemptId, string reason, string message, int? paywallErrorCode) =>
        CompleteAsync(transaction, Queries.CompleteRejected, memberExternalId, attemptId, new { Reason = reason, Message = message, Code = paywallErrorCode });
}
