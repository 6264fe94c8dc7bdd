namespace Payguru.Contracts.Paywall;

/// <summary>Response to <see cref="IssueClientToken"/>: Paywall's token and when it stops working.</summary>
/// <param name="Token">The token to hand to the client. A credential: never log it.</param>
/// <param name="ExpiresAt">When the token stops working (Paywall's time, with its offset).</param>
/// <param name="TempTokenId">Paywall's id of the token.</param>
/// <param name="ClientCardSave">The scope Paywall granted: card saving.</param>
/// <param name="ThreeDSession">The scope Paywall granted: 3D Secure.</param>
public sealed record ClientTokenIssued(string Token, DateTimeOffset ExpiresAt, long TempTokenId, bool ClientCardSave, bool ThreeDSession)
{
    /// <summary>The answer without its token.</summary>
    public override string ToString() => $"ClientTokenIssued {{ TempTokenId = {TempTokenId}, ExpiresAt = {ExpiresAt:O} }}";
}
