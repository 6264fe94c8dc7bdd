namespace Payguru.Contracts.Paywall;

/// <summary>Event: the sub-merchant of <see cref="MemberExternalId"/> was not registered, and this registration made no member at Paywall.</summary>
/// <param name="MemberExternalId">Your reference from <see cref="RegisterSubMerchant"/>.</param>
/// <param name="Reason">A code from <see cref="SubMerchantRejectionReasons"/>.</param>
/// <param name="Message">A human explanation (Paywall's message when Paywall refused); never repeats an IBAN, a tax or identity number or an e-mail.</param>
/// <param name="PaywallErrorCode">Paywall's <c>ErrorCode</c> when Paywall refused.</param>
/// <param name="RejectedAt">When the rejection was recorded.</param>
public sealed record SubMerchantRejected(string MemberExternalId, string Reason, string Message, int? PaywallErrorCode, DateTimeOffset RejectedAt);
