using Payguru.Provider.Wire;

namespace Payguru.Sandbox.Wire;

/// <summary>
/// Payguru's answers in its envelope, with the documented codes and messages. Payguru answers
/// errors with HTTP 200 too (the seed's samples check the HTTP status, then <c>status</c>).
/// </summary>
public static class PayguruAnswers
{
    public const string SuccessMessage = "Success";

    public static T Success<T>()
        where T : PayguruResult, new() => new() { Status = PayguruStatusCodes.Success, Message = SuccessMessage };

    /// <summary><c>ERR_007</c> "Invalid Request:&lt;detail&gt;", e.g. "Invalid Request:key not true".</summary>
    public static T InvalidRequest<T>(string detail)
        where T : PayguruResult, new() => new() { Status = PayguruStatusCodes.InvalidRequest, Message = $"Invalid Request:{detail}" };

    /// <summary><c>ERR_005</c> "Invalid Service".</summary>
    public static T InvalidService<T>()
        where T : PayguruResult, new() => new() { Status = PayguruStatusCodes.InvalidService, Message = "Invalid Service" };

    /// <summary><c>ERR_016</c> "Invalid Token".</summary>
    public static T InvalidToken<T>()
        where T : PayguruResult, new() => new() { Status = PayguruStatusCodes.InvalidToken, Message = "Invalid Token" };

    /// <summary>Any code, with the document's message for the known ones (an injected fault).</summary>
    public static PayguruResult Error(string code, string? message) => new()
    {
        Status = code,
        Message = message ?? code switch
        {
            PayguruStatusCodes.InvalidService => "Invalid Service",
            PayguruStatusCodes.InvalidRequest => "Invalid Request",
            PayguruStatusCodes.InvalidToken => "Invalid Token",
            _ => "Error",
        },
    };
}
