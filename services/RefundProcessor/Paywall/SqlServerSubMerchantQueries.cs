namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// Paging with TOP. The sweep only lists candidates; the attempt statements (in <see cref="SubMerchantStore"/>,
/// the same on both dialects) each change one row by its key, which is what keeps member calls apart.
/// </summary>
public sealed class SqlServerSubMerchantQueries : ISubMerchantQueries
{
    public string SelectSweepable => """
        SELECT TOP (@Limit) member_external_id, state FROM sub_merchants
        WHERE (state = 'accepted' AND requested_at <= @AcceptedBefore) OR (state = 'creating' AND attempt_expires_at < @Now)
        ORDER BY requested_at;
        """;
}
