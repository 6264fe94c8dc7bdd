namespace Payguru.Sandbox.Admin;

/// <summary>
/// The body of <c>POST /_sandbox/payments</c>: a payment Payguru knows of without notifying anyone,
/// so that refunds of its order work. Merchant and service default to the first configured ones,
/// <c>Code</c> (the Payguru reference) to <c>PG-&lt;txid&gt;</c>, <c>Status</c> to 3, <c>Bank</c> to ziraatbank.
/// <c>Tckno</c>, the customer's TCKN (digits), is what the identity check (<c>/_sandbox/identity/verify</c>) compares with.
/// </summary>
public sealed record PaymentSeedRequest(
    string? Merchant, string? Service, string? Order, string? Amount, string? Code, int? Status, string? Bank, string? Tckno = null);
