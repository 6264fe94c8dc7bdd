namespace Payguru.Contracts.Paywall;

/// <summary>Response to <see cref="IssueClientToken"/>: no token was issued.</summary>
/// <param name="Reason">A code from <see cref="ClientTokenRefusalReasons"/>.</param>
/// <param name="Message">A human explanation (Paywall's own message when Paywall refused).</param>
/// <param name="PaywallErrorCode">Paywall's <c>ErrorCode</c> when Paywall refused.</param>
public sealed record ClientTokenRefused(string Reason, string Message, int? PaywallErrorCode);
