namespace Payguru.Provider.Wire;

/// <summary>
/// The <c>status</c> values of Payguru's result envelope named in the provider documents. Any other
/// value is an error too and must be carried through as it came.
/// </summary>
public static class PayguruStatusCodes
{
    /// <summary>"000": the call succeeded.</summary>
    public const string Success = "000";

    /// <summary>"ERR_005" Invalid Service: the service code is not one of the merchant's.</summary>
    public const string InvalidService = "ERR_005";

    /// <summary>"ERR_007" Invalid Request: a parameter is missing or wrong (e.g. "key not true").</summary>
    public const string InvalidRequest = "ERR_007";

    /// <summary>"ERR_016" Invalid Token: get a new token, then call again.</summary>
    public const string InvalidToken = "ERR_016";
}
