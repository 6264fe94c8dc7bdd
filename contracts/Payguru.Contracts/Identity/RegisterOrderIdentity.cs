namespace Payguru.Contracts.Identity;

/// <summary>
/// Command: the customer of <see cref="Order"/> has the Turkish identity number <see cref="Tckn"/>, for
/// Payguru's identity check (its <c>/TCKNVerifyService</c> call). Send it to
/// <see cref="IdentityEndpoints.RegisterQueue"/>. The RefundProcessor checks the TCKN and answers with
/// <see cref="OrderIdentityRegistered"/> or <see cref="OrderIdentityRejected"/>. It never stores the TCKN:
/// only <c>md5(TCKN + service key)</c> for each configured Payguru service, which is what Payguru asks
/// for, until Payguru reports the check (<see cref="IdentityVerified"/> or <see cref="IdentityVerificationFailed"/>).
/// Registering the order again replaces what the earlier registration left.
/// </summary>
/// <param name="Order">The merchant's order reference, as in the payment.</param>
/// <param name="Tckn">The customer's TCKN: 11 digits, the first not zero, with both check digits right.</param>
public sealed record RegisterOrderIdentity(string Order, string Tckn)
{
    /// <summary>The command without its personal data: the TCKN is left out.</summary>
    public override string ToString() => $"RegisterOrderIdentity {{ Order = {Order} }}";
}
