namespace Payguru.Sandbox.Admin;

/// <summary>
/// The body of <c>POST /_sandbox/identity/verify</c>: check the identity of the latest payment of
/// <c>Order</c> (merchant: the first configured one unless named). <c>Tckno</c> overrides the TCKN the
/// payment was made with (e.g. a different one, to see <c>unverified</c>); <c>Notify</c> (default true)
/// sends the outcome to the merchant.
/// </summary>
public sealed record IdentityCheckRequest(string? Order, string? Merchant, string? Tckno, bool? Notify);
