namespace Payguru.Sandbox.Tokens;

/// <summary>Tokens are credentials: logs show only enough of one to tell two apart.</summary>
public static class TokenMask
{
    public static string Mask(string? token) => token switch
    {
        null => "(none)",
        { Length: <= 8 } => "…",
        _ => $"{token[..5]}…",
    };
}
