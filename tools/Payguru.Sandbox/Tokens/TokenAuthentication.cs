using Payguru.Sandbox.Merchants;

namespace Payguru.Sandbox.Tokens;

/// <summary>Authenticated Payguru calls carry the headers <c>merchant</c> and <c>token</c>.</summary>
public sealed class TokenAuthentication(MerchantDirectory merchants, TokenBook tokens)
{
    /// <summary>The calling merchant, or null when the headers do not name a merchant with a valid token (ERR_016).</summary>
    public MerchantAccount? Authenticate(HttpRequest request)
    {
        var merchant = merchants.Find(Header(request, "merchant"));
        return merchant is not null && tokens.IsValid(merchant.Id, Header(request, "token")) ? merchant : null;
    }

    static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value[^1]?.Trim() : null;
}
