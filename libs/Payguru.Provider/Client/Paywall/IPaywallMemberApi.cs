using Payguru.Provider.Wire.Paywall;
using Refit;

namespace Payguru.Provider.Client.Paywall;

/// <summary>
/// Paywall's member API at <c>Paywall:MemberBaseUrl</c> (seed 002), headers from
/// <see cref="PaywallHeadersHandler"/>. Creating a member is not idempotent, so its client never
/// retries it; read the response with <see cref="PaywallAnswers"/>.
/// </summary>
public interface IPaywallMemberApi
{
    [Post("/api/paywall/member")]
    Task<IApiResponse<PaywallEnvelope<PaywallMemberAnswer>>> CreateMemberAsync([Body] PaywallMemberRequest request, CancellationToken cancellationToken);
}
