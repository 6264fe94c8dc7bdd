namespace Payguru.Messaging.Topology;

/// <summary>
/// The RefundProcessor's queues. The gateway declares and binds them too, so that a message
/// it publishes is queued even on a fresh broker where the processor has never started.
/// </summary>
public static class ProcessorQueues
{
    /// <summary>Payment events: <c>PaymentAccepted</c>, <c>PaymentStatusReported</c>.</summary>
    public const string Payments = "refund-processor-payments";
}
