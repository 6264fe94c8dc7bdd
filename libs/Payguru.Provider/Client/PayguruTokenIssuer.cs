using Microsoft.Extensions.Options;
using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;

namespace Payguru.Provider.Client;

public sealed class PayguruTokenIssuer(IPayguruTokenApi api, IOptions<PayguruOptions> options)
{
    /// <exception cref="PayguruTokenException">Payguru refused (e.g. <c>ERR_007</c> key not true); the message never holds a key.</exception>
    public async Task<string> IssueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = PayguruKeys.Token(settings.MerchantId, settings.ServerIp, settings.MerchantKey);
        var answer = await api.GetTokenAsync(settings.MerchantId, key, cancellationToken);
        if (!answer.IsSuccess || string.IsNullOrEmpty(answer.Token))
        {
            throw new PayguruTokenException(answer.Status, answer.Message);
        }

        return answer.Token;
    }
}
