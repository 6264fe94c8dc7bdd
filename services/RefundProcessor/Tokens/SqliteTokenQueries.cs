namespace Payguru.RefundProcessor.Tokens;

public sealed class SqliteTokenQueries : ITokenQueries
{
    public string EnsureRow => "INSERT INTO payguru_tokens (merchant_id) VALUES (@MerchantId) ON CONFLICT (merchant_id) DO NOTHING;";
}
