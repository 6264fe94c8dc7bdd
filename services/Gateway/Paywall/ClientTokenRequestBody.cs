using System.ComponentModel;

namespace Payguru.Gateway.Paywall;

/// <summary>
/// The JSON body of <c>POST /client-tokens</c>: Paywall's temp token parameters. Every field is
/// required; they are nullable here so that a missing one is reported by name (<see cref="ClientTokenRequestReader"/>).
/// </summary>
public sealed record ClientTokenRequestBody(
    [property: Description("Will the client use the token to save a card? (JSON true or false)")]
    bool? ClientCardSave,
    [property: Description("Will the client use the token for a 3D Secure payment? (JSON true or false)")]
    bool? ThreeDSession,
    [property: Description("Minutes the token stays valid: a whole number from 0 to 30.")]
    int? ExpiryMin);
