namespace Payguru.Contracts.Identity;

/// <summary>
/// Event: a <see cref="RegisterOrderIdentity"/> was refused and nothing was stored for it; an identity
/// registered for the order before stays as it was. Carries no TCKN.
/// </summary>
/// <param name="Order">The merchant's order reference, as sent (may be empty when that was the problem).</param>
/// <param name="Reason">A code from <see cref="IdentityRejectionReasons"/>.</param>
/// <param name="Message">Which rule failed, in words; never repeats the TCKN.</param>
/// <param name="RejectedAt">When the refusal was recorded.</param>
public sealed record OrderIdentityRejected(string Order, string Reason, string Message, DateTimeOffset RejectedAt);
