namespace Payguru.Contracts.Paywall;

/// <summary>
/// Request: a short-lived Paywall token for the client side (browser or app), sent to
/// <see cref="PaywallEndpoints.ClientTokensQueue"/>. Answered with <see cref="ClientTokenIssued"/>
/// or <see cref="ClientTokenRefused"/>. Each request is a new token.
/// </summary>
/// <param name="ClientCardSave">The client will use the token to save a card.</param>
/// <param name="ThreeDSession">The client will use the token for a 3D Secure payment.</param>
/// <param name="ExpiryMin">Minutes the token stays valid, 0 to 30.</param>
public sealed record IssueClientToken(bool ClientCardSave, bool ThreeDSession, int ExpiryMin)
{
    /// <summary>The longest <see cref="ExpiryMin"/> Paywall takes.</summary>
    public const int MaxExpiryMin = 30;
}
