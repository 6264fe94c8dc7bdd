using System.Diagnostics;
using Dapper;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// An outbox message stays in the trace it was written in: the writer's trace context is stored
/// with it, and the relay publishes it under a span of that trace, not in a trace of its own.
/// </summary>
public sealed class OutboxTraceTests : OutboxFixture, IDisposable
{
    // Without a listener the processor's source starts no span, as in production with telemetry off.
    readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == ProcessorMetrics.MeterName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public OutboxTraceTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Relayed_message_is_published_under_a_span_of_the_trace_that_wrote_it()
    {
        using var writer = StartWriter();
        await AddAsync(Payments(1), Settings.ClaimTimeout);
        writer.Stop();
        Assert.Equal([writer.Id], await StoredTraceParentsAsync());
        Clock.Advance(Settings.ClaimTimeout);

        Assert.Null(Activity.Current);
        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);

        var span = Assert.Single(Transport.Published).Activity;
        Assert.NotNull(span);
        Assert.Equal("outbox relay", span.DisplayName);
        Assert.Equal(writer.TraceId, span.TraceId);
        Assert.Equal(writer.SpanId, span.ParentSpanId);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task Writer_sending_after_its_commit_publishes_in_its_own_span_without_a_relay_span()
    {
        using var writer = StartWriter();
        var records = await AddAsync(Payments(2), Settings.ClaimTimeout);

        await Sender.SendAsync(records, TimeSpan.Zero, CancellationToken.None);

        Assert.All(Transport.Published, published => Assert.Same(writer, published.Activity));
    }

    [Fact]
    public async Task Message_written_outside_a_trace_is_relayed_outside_one()
    {
        await AddAsync(Payments(1), TimeSpan.Zero);

        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);

        Assert.Equal([null], await StoredTraceParentsAsync());
        Assert.Null(Assert.Single(Transport.Published).Activity);
    }

    [Fact]
    public async Task Unreadable_stored_trace_context_is_ignored_and_the_message_still_goes()
    {
        await AddAsync(Payments(1), TimeSpan.Zero);
        await using (var connection = await Database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE outbox_messages SET trace_parent = 'not-a-traceparent';");
        }

        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);

        Assert.Null(Assert.Single(Transport.Published).Activity);
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    // The consume span a message is written under; a W3C id, as MassTransit's and ASP.NET Core's are.
    static Activity StartWriter() =>
        new Activity("consume").SetIdFormat(ActivityIdFormat.W3C).SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();

    async Task<IReadOnlyList<string?>> StoredTraceParentsAsync()
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string?>("SELECT trace_parent FROM outbox_messages ORDER BY sequence;")).ToList();
    }
}
