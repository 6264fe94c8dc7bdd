namespace Payguru.Contracts.Identity;

/// <summary>
/// Response to <see cref="GetIdentityAnswer"/>: no identity is registered for the order under that
/// service (never registered, already checked and erased, or the service was configured after the registration).
/// </summary>
public sealed record IdentityAnswerNotFound(string Order, string ServiceCode);
