namespace Payguru.Provider.Client;

/// <summary>
/// Where authenticated calls take the Payguru token from. The processor's implementation keeps
/// one token in its database for every consumer and instance (invariant 7, docs/architecture.md).
/// </summary>
public interface IPayguruTokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Payguru refused <paramref name="rejectedToken"/> (<c>ERR_016</c>): a token other than it,
    /// refreshed once however many callers ask at the same time.
    /// </summary>
    ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken);
}
