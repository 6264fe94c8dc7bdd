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
    /// <summary><c>POST /api/paywall/temptoken</c>: a short-lived token for the client side (browser or app).</summary>
    [Post("/api/paywall/temptoken")]
    Task<IApiResponse<PaywallEnvelope<PaywallTempTokenAnswer>>> TempTokenAsync([Body] PaywallTempTokenRequest request, CancellationToken cancellationToken);
}
