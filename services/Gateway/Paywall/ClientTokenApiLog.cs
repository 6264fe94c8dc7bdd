namespace Payguru.Gateway.Paywall;

/// <summary>The log lines of the client token API, source-generated. They never carry the token or the API key.</summary>
public static partial class ClientTokenApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Client token issued (expiry {ExpiryMin} min, card save {ClientCardSave}, 3D {ThreeDSession}), valid until {ExpiresAt:O}")]
    public static partial void Issued(ILogger logger, int expiryMin, bool clientCardSave, bool threeDSession, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client token refused ({Reason}): {Message}")]
    public static partial void Refused(ILogger logger, string reason, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a client token request: bad {Fields}")]
    public static partial void BadRequest(ILogger logger, string fields);

    /// <summary><paramref name="why"/>: <see cref="Queries.QueryResult{TResponse}.Why"/>.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "IssueClientToken got no answer: {Why}")]
    public static partial void Failed(ILogger logger, string why);
}
