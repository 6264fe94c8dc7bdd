using Payguru.Sandbox.Settings;
using Payguru.Sandbox.Stats;

namespace Payguru.Sandbox.Tokens;

/// <summary>
/// The tokens handed out by <c>/phs/getToken</c>. A token works for its merchant until it expires,
/// is replaced (when a new token invalidates the previous ones) or is invalidated by the admin API.
/// </summary>
public sealed class TokenBook(SandboxSettings settings, TimeProvider time, SandboxStats stats, ILogger<TokenBook> logger)
{
    readonly Lock gate = new();
    readonly Dictionary<string, IssuedToken> tokens = new(StringComparer.Ordinal);

    /// <summary>A new token for <paramref name="merchantId"/>, in Payguru's format <c>{3E53E639-5173-D1B6-9368-68FCBCF72342}</c>.</summary>
    public string Issue(string merchantId)
    {
        var token = Guid.NewGuid().ToString("B").ToUpperInvariant();
        var current = settings.Current;
        var now = time.GetUtcNow();
        int ended;
        lock (gate)
        {
            ended = RemoveWhere(t => t.ExpiresAt <= now || (current.NewTokenInvalidatesPrevious && t.MerchantId == merchantId));
            tokens[token] = new IssuedToken(merchantId, now + current.TokenLifetime);
        }

        stats.TokenIssued();
        logger.LogInformation(
            "Issued token {Token} to merchant {Merchant}, valid for {Lifetime}; {Ended} earlier token(s) ended",
            TokenMask.Mask(token), merchantId, current.TokenLifetime, ended);
        return token;
    }

    /// <summary>Makes <paramref name="token"/> valid for <paramref name="merchantId"/> (e.g. the seed's sample token).</summary>
    public IssuedToken Plant(string merchantId, string token, TimeSpan lifetime)
    {
        var issued = new IssuedToken(merchantId, time.GetUtcNow() + lifetime);
        lock (gate)
        {
            tokens[token] = issued;
        }

        logger.LogInformation("Planted token {Token} for merchant {Merchant}, valid for {Lifetime}", TokenMask.Mask(token), merchantId, lifetime);
        return issued;
    }

    public bool IsValid(string? merchantId, string? token)
    {
        if (merchantId is null || token is null)
        {
            return false;
        }

        lock (gate)
        {
            return tokens.TryGetValue(token, out var issued) && issued.MerchantId == merchantId && issued.ExpiresAt > time.GetUtcNow();
        }
    }

    /// <summary>Ends every token at once: the next authenticated call of every merchant gets ERR_016.</summary>
    public int InvalidateAll()
    {
        int count;
        lock (gate)
        {
            count = tokens.Count;
            tokens.Clear();
        }

        stats.TokensInvalidated(count);
        logger.LogInformation("Invalidated every token ({Count})", count);
        return count;
    }

    public void Reset()
    {
        lock (gate)
        {
            tokens.Clear();
        }
    }

    int RemoveWhere(Func<IssuedToken, bool> ends)
    {
        var ended = tokens.Where(pair => ends(pair.Value)).Select(pair => pair.Key).ToList();
        foreach (var token in ended)
        {
            tokens.Remove(token);
        }

        return ended.Count;
    }
}
