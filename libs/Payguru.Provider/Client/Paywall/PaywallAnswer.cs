namespace Payguru.Provider.Client.Paywall;

/// <summary>What one Paywall call told: its body, Paywall's error envelope, or nothing usable.</summary>
public abstract record PaywallAnswer<T>
    where T : class
{
    public sealed record Succeeded(T Body) : PaywallAnswer<T>;

    /// <summary>Paywall answered its envelope with an error (whatever the HTTP status): it did nothing.</summary>
    public sealed record Refused(int ErrorCode, string Message, int HttpStatus) : PaywallAnswer<T>;

    /// <summary>No envelope came back (a 5xx page, a timeout, a lost connection): whether Paywall did anything is not known.</summary>
    public sealed record Unknown(string Why) : PaywallAnswer<T>;
}
