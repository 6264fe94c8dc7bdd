namespace Payguru.RefundProcessor.Paywall;

public sealed class SqliteSubMerchantQueries : SubMerchantQueries
{
    public override string SelectSweepable => """
        SELECT member_external_id, state FROM sub_merchants
        WHERE (state = 'accepted' AND requested_at <= @AcceptedBefore) OR (state = 'creating' AND attempt_expires_at < @Now)
        ORDER BY requested_at
        LIMIT @Limit;
        """;
}
