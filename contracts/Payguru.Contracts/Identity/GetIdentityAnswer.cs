namespace Payguru.Contracts.Identity;

/// <summary>
/// Request (the gateway's, for Payguru's <c>verify</c> call): the answer for <see cref="Order"/> under
/// <see cref="ServiceCode"/>, the service whose key Payguru's call matched. Answered with
/// <see cref="IdentityAnswer"/> or <see cref="IdentityAnswerNotFound"/>.
/// </summary>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="ServiceCode">The Payguru service whose key matched.</param>
public sealed record GetIdentityAnswer(string Order, string ServiceCode);
