namespace Payguru.Contracts.Identity;

/// <summary>
/// Event: the TCKN of <see cref="Order"/> was accepted; the processor can now answer Payguru's identity
/// check of the order. Carries no TCKN.
/// </summary>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="Replaced">True when the order had a different TCKN registered, which this one replaced.</param>
/// <param name="RegisteredAt">When the registration was recorded.</param>
public sealed record OrderIdentityRegistered(string Order, bool Replaced, DateTimeOffset RegisteredAt);
