namespace Payguru.Gateway.Callbacks;

/// <summary>The log lines every callback shares, source-generated. The reason never carries a key.</summary>
static partial class CallbackLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Callback}: {Reason}")]
    public static partial void Refused(ILogger logger, string callback, string reason);
}
