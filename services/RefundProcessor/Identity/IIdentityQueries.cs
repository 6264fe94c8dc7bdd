namespace Payguru.RefundProcessor.Identity;

/// <summary>The identity statements that differ between dialects.</summary>
public interface IIdentityQueries
{
    /// <summary>Inserts the hash of (@Order, @ServiceCode), or replaces the one stored, with @TcknHash and @RegisteredAt.</summary>
    string UpsertHash { get; }

    /// <summary>
    /// The (service_code, tckn_hash) rows of @Order, locked until the transaction ends, so that a
    /// registration of the same order running beside waits and then sees what this one stores.
    /// </summary>
    string SelectHashesForUpdate { get; }
}
