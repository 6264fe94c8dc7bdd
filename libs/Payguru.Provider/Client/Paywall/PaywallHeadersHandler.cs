using Microsoft.Extensions.Options;
using Payguru.Provider.Configuration;

namespace Payguru.Provider.Client.Paywall;

public sealed class PaywallHeadersHandler(IOptions<PaywallOptions> options) : DelegatingHandler
{
    public const string KeyHeader = "apikeypublic";
    public const string ClientHeader = "apiclientpublic";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        request.Headers.Remove(KeyHeader);
        request.Headers.Remove(ClientHeader);
        request.Headers.TryAddWithoutValidation(KeyHeader, settings.ApiKeyPublic);
        request.Headers.TryAddWithoutValidation(ClientHeader, settings.ApiClientPublic);
        return base.SendAsync(request, cancellationToken);
    }
}
