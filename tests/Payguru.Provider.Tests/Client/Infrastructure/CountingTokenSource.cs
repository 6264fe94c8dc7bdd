using Payguru.Provider.Client;

namespace Payguru.Provider.Tests.Client.Infrastructure;

/// <summary>
/// A token source for the tests: one token in memory, got and refreshed with the real <see cref="PayguruTokenIssuer"/>,
/// counting what it is asked. A refresh whose rejected token is no longer the current one hands out the current one
/// (another caller refreshed already), as the processor's shared source does.
/// </summary>
public sealed class CountingTokenSource(PayguruTokenIssuer issuer) : IPayguruTokenSource
{
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly List<string> _rejected = [];
    string? _token;
    int _refreshes;
    int _issued;

    /// <summary>How often <see cref="RefreshAsync"/> was called.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>How many tokens it got from Payguru.</summary>
    public int Issued => Volatile.Read(ref _issued);

    public string? Current => _token;

    public IReadOnlyList<string> Rejected
    {
        get
        {
            lock (_rejected)
            {
                return [.. _rejected];
            }
        }
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _token ??= await IssueAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        lock (_rejected)
        {
            _rejected.Add(rejectedToken);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _token != rejectedToken)
            {
                return _token;
            }

            return _token = await IssueAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<string> IssueAsync(CancellationToken cancellationToken)
    {
        var token = await issuer.IssueAsync(cancellationToken);
        Interlocked.Increment(ref _issued);
        return token;
    }
}
