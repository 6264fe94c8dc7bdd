namespace Payguru.RefundProcessor.Tokens;

/// <summary>Every token statement: shared ones here, the dialects' own in <see cref="SqliteTokenQueries"/> and <see cref="SqlServerTokenQueries"/>.</summary>
public abstract class TokenQueries
{
    public abstract string EnsureRow { get; }

    public string Select => "SELECT token AS Token, generation AS Generation FROM payguru_tokens WHERE merchant_id = @MerchantId;";

    public string LeaseRefresh => """
        UPDATE payguru_tokens SET refresh_owner = @Owner, refresh_expires_at = @ExpiresAt
        WHERE merchant_id = @MerchantId
          AND (refresh_owner IS NULL OR refresh_expires_at < @Now)
          AND ((token IS NULL AND @Stale IS NULL) OR token = @Stale);
        """;

    public string Store => """
        UPDATE payguru_tokens SET token = @Token, generation = generation + 1, issued_at = @Now, refresh_owner = NULL, refresh_expires_at = @Released
        WHERE merchant_id = @MerchantId AND refresh_owner = @Owner;
        """;

    public string ReleaseLease =>
        "UPDATE payguru_tokens SET refresh_owner = NULL, refresh_expires_at = @Released WHERE merchant_id = @MerchantId AND refresh_owner = @Owner;";
}
