namespace Payguru.RefundProcessor.Identity;

/// <summary>
/// An upsert as MERGE under HOLDLOCK: a concurrent registration of the same order and service waits, then
/// updates. The read before it takes update and range locks on the order's rows (present or not), so two
/// registrations of one order run one after the other and each reports rightly whether it replaced one.
/// </summary>
public sealed class SqlServerIdentityQueries : IdentityQueries
{
    public override string SelectHashesForUpdate => """
        SELECT service_code, tckn_hash FROM order_identities WITH (UPDLOCK, HOLDLOCK) WHERE order_ref = @Order;
        """;

    public override string UpsertHash => """
        MERGE order_identities WITH (HOLDLOCK) AS target
        USING (VALUES (@Order, @ServiceCode, @TcknHash, @RegisteredAt)) AS source (order_ref, service_code, tckn_hash, registered_at)
        ON target.order_ref = source.order_ref AND target.service_code = source.service_code
        WHEN MATCHED THEN UPDATE SET tckn_hash = source.tckn_hash, registered_at = source.registered_at
        WHEN NOT MATCHED THEN
            INSERT (order_ref, service_code, tckn_hash, registered_at)
            VALUES (source.order_ref, source.service_code, source.tckn_hash, source.registered_at);
        """;
}
