using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Payguru.Bench.Common;

/// <summary>
/// One counter (a <c>System.Diagnostics.Metrics</c> observable counter) of another .NET process,
/// read over EventPipe as <c>dotnet-counters</c> reads it: the process publishes the counter's
/// total every second, and <see cref="NextAsync"/> waits for the next publication.
/// </summary>
public sealed class ProcessCounter : IAsyncDisposable
{
    const string MetricsProvider = "System.Diagnostics.Metrics";
    const long TimeSeriesValues = 0x2;

    readonly EventPipeSession _session;
    readonly EventPipeEventSource _source;
    readonly Task _processing;
    readonly string _sessionId = Guid.NewGuid().ToString("N");
    readonly string _instrument;
    TaskCompletionSource<double> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    ProcessCounter(int pid, string meter, string instrument)
    {
        _instrument = instrument;
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = _sessionId,
            ["Metrics"] = meter + "\\" + instrument,
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "10",
            ["MaxHistograms"] = "10",
        };
        _session = new DiagnosticsClient(pid).StartEventPipeSession(
            new EventPipeProvider(MetricsProvider, EventLevel.Informational, TimeSeriesValues, arguments), requestRundown: false);
        _source = new EventPipeEventSource(_session.EventStream);
        _source.Dynamic.All += OnEvent;
        _processing = Task.Run(() => _source.Process());
    }

    /// <summary>Starts reading <paramref name="instrument"/> of <paramref name="meter"/> in process <paramref name="pid"/>.</summary>
    public static ProcessCounter Start(int pid, string meter, string instrument) => new(pid, meter, instrument);

    /// <summary>The counter's total as the process publishes it next (within about a second), or null after <paramref name="timeout"/>.</summary>
    public async Task<double?> NextAsync(TimeSpan timeout)
    {
        var next = Volatile.Read(ref _next).Task;
        var done = await Task.WhenAny(next, Task.Delay(timeout));
        return done == next ? await next : null;
    }

    void OnEvent(TraceEvent traceEvent)
    {
        // CounterRateValuePublished carries, since .NET 8, the observable counter's total as "value".
        if (traceEvent.ProviderName != MetricsProvider || traceEvent.EventName != "CounterRateValuePublished" ||
            traceEvent.PayloadByName("sessionId") as string != _sessionId ||
            traceEvent.PayloadByName("instrumentName") as string != _instrument ||
            !double.TryParse(traceEvent.PayloadByName("value") as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }

        Interlocked.Exchange(ref _next, new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(value);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is ServerNotAvailableException or EndOfStreamException or IOException)
        {
            // The process is gone: nothing to stop.
        }

        await Task.WhenAny(_processing, Task.Delay(TimeSpan.FromSeconds(5)));
        _source.Dispose();
        _session.Dispose();
    }
}
