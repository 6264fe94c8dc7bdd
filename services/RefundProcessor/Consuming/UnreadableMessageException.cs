namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// A message that can never be handled, whatever the retry: it has nothing to answer to (a <c>RequestRefund</c>
/// without its id). Not retried; MassTransit moves it to the endpoint's <c>_error</c> queue with this reason.
/// </summary>
public sealed class UnreadableMessageException(string reason) : Exception(reason);
