namespace Payguru.RefundProcessor.Identity;

/// <summary>Every identity statement: shared ones here, the dialects' own in <see cref="SqliteIdentityQueries"/> and <see cref="SqlServerIdentityQueries"/>.</summary>
public abstract class IdentityQueries
{
    public abstract string UpsertHash { get; }

    /// <summary>Locked until the transaction ends: a registration of the same order beside it waits, then sees what this one stores.</summary>
    public abstract string SelectHashesForUpdate { get; }

    public string DeleteOtherServices => "DELETE FROM order_identities WHERE order_ref = @Order AND service_code NOT IN @ServiceCodes;";

    public string SelectHash => "SELECT tckn_hash FROM order_identities WHERE order_ref = @Order AND service_code = @ServiceCode;";

    public string DeleteRegisteredBefore => "DELETE FROM order_identities WHERE registered_at < @Before;";

    public string DeleteOfOrder => "DELETE FROM order_identities WHERE order_ref = @Order;";
}
