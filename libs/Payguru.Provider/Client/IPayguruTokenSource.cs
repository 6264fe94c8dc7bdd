namespace Payguru.Provider.Client;

/// <summary>The processor's implementation keeps one token for every consumer and instance (invariant 7, docs/architecture.md).</summary>
public interface IPayguruTokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>After an <c>ERR_016</c>: a token other than the rejected one, refreshed once however many callers ask at once.</summary>
    ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken);
}
