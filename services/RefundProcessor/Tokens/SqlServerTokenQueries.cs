namespace Payguru.RefundProcessor.Tokens;

/// <summary>Insert-unless-present under UPDLOCK, HOLDLOCK: instances creating the row together wait for each other instead of failing on the key.</summary>
public sealed class SqlServerTokenQueries : TokenQueries
{
    public override string EnsureRow => """
        INSERT INTO payguru_tokens (merchant_id)
        SELECT @MerchantId
        WHERE NOT EXISTS (SELECT 1 FROM payguru_tokens WITH (UPDLOCK, HOLDLOCK) WHERE merchant_id = @MerchantId);
        """;
}
