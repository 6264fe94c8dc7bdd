using Payguru.Provider.Wire;
using Refit;

namespace Payguru.Provider.Client;

/// <summary><c>/phs/getToken</c>: a new token for the merchant. Not authenticated by a token.</summary>
public interface IPayguruTokenApi
{
    /// <param name="key"><c>md5(merchantId + serverIp + merchantKey)</c>, see <c>PayguruKeys.Token</c>.</param>
    [Get("/phs/getToken")]
    Task<TokenAnswer> GetTokenAsync(string merchant, string key, CancellationToken cancellationToken);
}
