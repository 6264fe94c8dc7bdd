using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>The sub-merchant registrations (table <c>sub_merchants</c>).</summary>
public sealed class SubMerchantStore(SubMerchantQueries queries, IDbConnectionFactory connections, TimeProvider clock)
    : AttemptStore<SubMerchantRecord, string, SubMerchantQueries>(queries, connections, clock)
{
    /// <summary>
    /// A first row, or the rejected row of the registration before it taken over. False when another handling got
    /// there first (the caller's transaction then fails, and its retry sees that registration).
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

    public Task<bool> CompleteRegisteredAsync(DbTransaction transaction, string memberExternalId, string attemptId, long? paywallMemberId) =>
        CompleteAsync(transaction, Queries.CompleteRegistered, memberExternalId, attemptId, new { MemberId = paywallMemberId });

    public Task<bool> CompleteRejectedAsync(DbTransaction transaction, string memberExternalId, string attemptId, string reason, string message, int? paywallErrorCode) =>
        CompleteAsync(transaction, Queries.CompleteRejected, memberExternalId, attemptId, new { Reason = reason, Message = message, Code = paywallErrorCode });
}
