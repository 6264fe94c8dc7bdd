using Payguru.Provider.Wire.Paywall;
using Refit;

namespace Payguru.Provider.Client.Paywall;

/// <summary>Paywall's payment API (seed 002). An error answer carries Paywall's envelope too: read it with <see cref="PaywallAnswers"/>.</summary>
public interface IPaywallTokenApi
{
    [Post("/api/paywall/temptoken")]
    Task<IApiResponse<PaywallEnvelope<PaywallTempTokenAnswer>>> TempTokenAsync([Body] PaywallTempTokenRequest request, CancellationToken cancellationToken);
}
