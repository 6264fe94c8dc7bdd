namespace Payguru.Provider.Wire;

/// <summary>The statuses the provider documents name; any other value is an error too, carried through as it came.</summary>
public static class PayguruStatusCodes
{
    public const string Success = "000";

    public const string InvalidService = "ERR_005";

    /// <summary>A parameter is missing or wrong (e.g. "key not true").</summary>
    public const string InvalidRequest = "ERR_007";

    /// <summary>Get a new token, then call again.</summary>
    public const string InvalidToken = "ERR_016";
}
