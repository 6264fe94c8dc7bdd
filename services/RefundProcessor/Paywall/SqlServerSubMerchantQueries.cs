namespace Payguru.RefundProcessor.Paywall;

/// <summary>Paging with TOP. The sweep only lists candidates; the attempt statements decide (<see cref="SubMerchantQueries"/>).</summary>
public sealed class SqlServerSubMerchantQueries : SubMerchantQueries
{
    public override string SelectSweepable => """
        SELECT TOP (@Limit) member_external_id, state FROM sub_merchants
        WHERE (state = 'accepted' AND requested_at <= @AcceptedBefore) OR (state = 'creating' AND attempt_expires_at < @Now)
        ORDER BY requested_at;
        """;
}
