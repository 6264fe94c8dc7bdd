namespace Payguru.RefundProcessor.Identity;

public sealed class SqliteIdentityQueries : IdentityQueries
{
    // Transactions begin IMMEDIATE: the writer's lock already keeps a concurrent registration out.
    public override string SelectHashesForUpdate => "SELECT service_code, tckn_hash FROM order_identities WHERE order_ref = @Order;";

    public override string UpsertHash => """
        INSERT INTO order_identities (order_ref, service_code, tckn_hash, registered_at)
        VALUES (@Order, @ServiceCode, @TcknHash, @RegisteredAt)
        ON CONFLICT (order_ref, service_code) DO UPDATE SET tckn_hash = excluded.tckn_hash, registered_at = excluded.registered_at;
        """;
}
