namespace Payguru.RefundProcessor.Identity;

/// <summary>Every identity statement: shared ones here, the dialects' own in <see cref="SqliteIdentityQueries"/> and <see cref="SqlServerIdentityQueries"/>.</summary>
public abstract class IdentityQueries
{
    /// <summary>Inserts the hash of (@Order, @ServiceCode), or replaces the one stored, with @TcknHash and @RegisteredAt.</summary>
    public abstract string UpsertHash { get; }

    /// <summary>
    /// The (service_code, tckn_hash) rows of @Order, locked until the transaction ends, so that a
    /// registration of the same order running beside waits and then sees what this one stores.
    /// </summary>
    public abstract string SelectHashesForUpdate { get; }

    /// <summary>Deletes the order's hashes of services not in @ServiceCodes.</summary>
    public string DeleteOtherServices => "DELETE FROM order_identities WHERE order_ref = @Order AND service_code NOT IN @ServiceCodes;";

    public string SelectHash => "SELECT tckn_hash FROM order_identities WHERE order_ref = @Order AND service_code = @ServiceCode;";

    public string DeleteRegisteredBefore => "DELETE FROM order_identities WHERE registered_at < @Before;";

    public string DeleteOfOrder => "DELETE FROM order_identities WHERE order_ref = @Order;";
}
