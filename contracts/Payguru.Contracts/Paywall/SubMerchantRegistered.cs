namespace Payguru.Contracts.Paywall;

/// <summary>Event: Paywall holds the sub-merchant of <see cref="MemberExternalId"/>.</summary>
/// <param name="MemberExternalId">Your reference from <see cref="RegisterSubMerchant"/>.</param>
/// <param name="PaywallMemberId">
/// Paywall's member id. Null only when the attempt that created the member lost its answer and
/// Paywall then refused the retry as a duplicate: Paywall offers no lookup to learn the id.
/// </param>
/// <param name="MemberName">The member's name.</param>
/// <param name="RegisteredAt">When the registration was recorded.</param>
public sealed record SubMerchantRegistered(string MemberExternalId, long? PaywallMemberId, string MemberName, DateTimeOffset RegisteredAt);
