using System.ComponentModel;

namespace Payguru.Gateway.Paywall;

/// <summary>The answer to <c>POST /client-tokens</c>: Paywall's token for the client side and when it stops working.</summary>
public sealed record ClientTokenAnswer(
    [property: Description("The token to hand to the browser or app. A credential: do not log it.")]
    string Token,
    [property: Description("When the token stops working (Paywall's time, with its offset).")]
    DateTimeOffset ExpiresAt)
{
    // The token is a credential: keep it out of anything that prints the answer.
    public override string ToString() => $"ClientTokenAnswer {{ ExpiresAt = {ExpiresAt:O} }}";
}
