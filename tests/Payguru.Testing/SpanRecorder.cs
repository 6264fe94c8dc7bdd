using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Payguru.Testing;

/// <summary>
/// The ended spans of one trace, as OpenTelemetry hands them to its exporters: add it to a tracer
/// provider as a processor. Spans of other traces (tests running beside, in the same process) are
/// left out. The trace starts with the test: a <c>traceparent</c> header (<see cref="Traceparent"/>)
/// or a parent activity (<see cref="StartRoot"/>).
/// </summary>
public sealed class SpanRecorder(ActivityTraceId traceId) : BaseProcessor<Activity>
{
    readonly ConcurrentQueue<Activity> _spans = new();

    public SpanRecorder()
        : this(ActivityTraceId.CreateRandom())
    {
    }

    public ActivityTraceId TraceId { get; } = traceId;

    /// <summary>A W3C <c>traceparent</c> header value whose trace is this recorder's, sampled.</summary>
    public string Traceparent => $"00-{TraceId}-{ActivitySpanId.CreateRandom()}-01";

    public IReadOnlyList<Activity> Spans => _spans.ToList();

    /// <summary>Starts a parent activity of this recorder's trace; what starts under it while it is current belongs to the trace.</summary>
    public Activity StartRoot(string name = "test") =>
        new Activity(name).SetParentId(TraceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();

    public override void OnEnd(Activity data)
    {
        if (data.TraceId == TraceId)
        {
            _spans.Enqueue(data);
        }
    }

    /// <summary>Waits until the recorded spans satisfy <paramref name="done"/>, and returns them; a timeout lists what was recorded.</summary>
    public async Task<IReadOnlyList<Activity>> WaitUntilAsync(Func<IReadOnlyList<Activity>, bool> done, string description)
    {
        try
        {
            return await Poll.WaitUntilAsync(_ => Task.FromResult(Spans), done, TimeSpan.FromSeconds(20), description, TimeSpan.FromMilliseconds(20));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nRecorded spans:\n{Describe()}", timeout);
        }
    }

    /// <summary>One line per recorded span: its id, its parent's, source, kind and name.</summary>
    public string Describe() => string.Join('\n', Spans.Select(span =>
        $"{span.SpanId} (parent {span.ParentSpanId}) {span.Source.Name} {span.Kind} {span.DisplayName}"));

    /// <summary>Every tag of every recorded span, as "span: key=value" lines, to search for what must not be there.</summary>
    public string AttributeText() => string.Join('\n', Spans.SelectMany(span =>
        span.TagObjects.Select(tag => $"{span.DisplayName}: {tag.Key}={tag.Value}")));
}
