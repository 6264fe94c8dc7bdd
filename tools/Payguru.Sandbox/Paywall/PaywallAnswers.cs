using Payguru.Provider.Wire.Paywall;

namespace Payguru.Sandbox.Paywall;

/// <summary>
/// Paywall's envelope. The seed documents the envelope, not its error codes: the sandbox uses the
/// HTTP status as <c>ErrorCode</c> (400 invalid body, 401 bad credentials, 409 duplicate member).
/// </summary>
public static class PaywallAnswers
{
    public const int InvalidBody = 400;
    public const int BadCredentials = 401;
    public const int Duplicate = 409;

    public static PaywallEnvelope<T> Success<T>(T body)
        where T : class => new() { ErrorCodeType = 1, ErrorMessage = null, ErrorCode = 0, Result = true, Message = "", Body = body };

    public static PaywallEnvelope<T> Error<T>(int code, string message)
        where T : class => new() { ErrorCode = code, ErrorMessage = message, Result = false, Message = message, Body = null };
}
