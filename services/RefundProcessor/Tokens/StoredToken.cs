namespace Payguru.RefundProcessor.Tokens;

/// <summary>The shared token as the database holds it; <see cref="Generation"/> counts refreshes.</summary>
public sealed record StoredToken(string? Token, long Generation)
{
    // A credential: keep it out of anything that prints the record.
    public override string ToString() => $"StoredToken {{ Generation = {Generation}, Present = {Token is not null} }}";
}
