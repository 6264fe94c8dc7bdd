namespace Payguru.RefundProcessor.Tokens;

public sealed class SqliteTokenQueries : TokenQueries
{
    public override string EnsureRow => "INSERT INTO payguru_tokens (merchant_id) VALUES (@MerchantId) ON CONFLICT (merchant_id) DO NOTHING;";
}
