using Payguru.Provider.Wire.Paywall;
using Refit;

namespace Payguru.Provider.Client.Paywall;

/// <summary>Paywall's member API (seed 002). Read the response with <see cref="PaywallAnswers"/>.</summary>
public interface IPaywallMemberApi
{
    [Post("/api/paywall/member")]
    Task<IApiResponse<PaywallEnvelope<PaywallMemberAnswer>>> CreateMemberAsync([Body] PaywallMemberRequest request, CancellationToken cancellationToken);
}
