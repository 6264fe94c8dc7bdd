namespace Payguru.Gateway.Security;

/// <summary>The log lines of <see cref="ApiKeyFilter"/>, source-generated. Never carries the presented key.</summary>
static partial class ApiKeyLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string reason);
}
