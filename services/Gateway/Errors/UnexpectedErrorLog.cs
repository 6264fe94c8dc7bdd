namespace Payguru.Gateway.Errors;

/// <summary>The log lines of <see cref="UnexpectedErrorHandler"/>, source-generated.</summary>
static partial class UnexpectedErrorLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} failed unexpectedly and was answered 500")]
    public static partial void Failed(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} could not be read and was answered {Status}")]
    public static partial void Refused(ILogger logger, string requestId, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestId} failed after its caller went away")]
    public static partial void CallerGone(ILogger logger, string requestId);
}
