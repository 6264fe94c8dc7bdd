using System.Diagnostics;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Keeps an outbox message in the trace that wrote it. The writer's W3C trace context is stored
/// with the row; a message sent later by the relay (after an outage, a crash) is published under
/// an "outbox relay" span whose parent is that context, so it does not start a trace of its own.
/// </summary>
public static class OutboxTraceContext
{
    static readonly ActivitySource Source = new(ProcessorMetrics.MeterName);

    public static string? Capture() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts the span a relayed message is published under; null when there is nothing to resume
    /// (no stored context, or the sender already runs in that trace, as the writer does right after its commit).
    /// </summary>
    public static Activity? Resume(string? traceParent)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return null;
        }

        if (Activity.Current?.TraceId == parent.TraceId)
        {
            return null;
        }

        return Source.StartActivity("outbox relay", ActivityKind.Internal, parent);
    }
}
