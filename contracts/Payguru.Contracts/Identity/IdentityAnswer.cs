namespace Payguru.Contracts.Identity;

/// <summary>Response to <see cref="GetIdentityAnswer"/>: what Payguru's <c>verify</c> call is answered with.</summary>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="ServiceCode">The Payguru service asked for.</param>
/// <param name="TcknHash"><c>md5(TCKN + that service's key)</c>, lower-case hex: the <c>tckn</c> of the answer.</param>
public sealed record IdentityAnswer(string Order, string ServiceCode, string TcknHash);
