using Payguru.Provider.Wire.Paywall;
using Refit;

namespace Payguru.Provider.Client.Paywall;

/// <summary>
/// Paywall's payment API at <c>Paywall:BaseUrl</c> (seed 002). The <c>apikeypublic</c> and
/// <c>apiclientpublic</c> headers come from <see cref="PaywallHeadersHandler"/>. An error answer
/// carries Paywall's envelope too: read the response with <see cref="PaywallAnswers"/>.
/// </summary>
public interface IPaywallTokenApi
{
    [Post("/api/paywall/temptoken")]
    Task<IApiResponse<PaywallEnvelope<PaywallTempTokenAnswer>>> TempTokenAsync([Body] PaywallTempTokenRequest request, CancellationToken cancellationToken);
}
