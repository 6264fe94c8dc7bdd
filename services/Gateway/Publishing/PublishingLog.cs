namespace Payguru.Gateway.Publishing;

/// <summary>
/// The log lines of <see cref="ConfirmedPublisher"/>, source-generated. They name the message type
/// and id only: a message body may carry personal data (a refund's IBAN and contact name).
/// </summary>
static partial class PublishingLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The broker returned {MessageType} {MessageId}: no queue is bound to its exchange")]
    public static partial void Returned(ILogger logger, string messageType, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker did not confirm {MessageType} {MessageId} within {Timeout}")]
    public static partial void NotConfirmed(ILogger logger, string messageType, Guid messageId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {MessageType} {MessageId} failed: {Error}")]
    public static partial void Failed(ILogger logger, string messageType, Guid messageId, string error);
}
