using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Callbacks;

/// <summary>
/// A genuine Payguru callback, parsed and with its key verified: what <see cref="CallbackEndpoint"/>
/// publishes for it and how the outcome is logged. Each kind of callback (payment, refund, …)
/// brings its own parser; the flow around it is <see cref="CallbackEndpoint"/>'s.
/// </summary>
public interface ICallbackNotification
{
    /// <summary>What kind of callback this is ("payment", "refund"), for metrics; known before parsing succeeds.</summary>
    static abstract string Kind { get; }

    /// <summary>The message's id: the same notification repeated gets the same id, so subscribers drop the repeat.</summary>
    Guid MessageId { get; }

    object ToMessage();

    /// <summary>One log line for the handled notification; never a key or personal data.</summary>
    void LogHandled(ILogger logger, string messageType, PublishOutcome outcome);
}
