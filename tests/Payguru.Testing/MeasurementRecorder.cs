using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Payguru.Testing;

/// <summary>
/// The measurements of one service's meter, from one service provider only: instruments are matched
/// by meter name and by the <see cref="IMeterFactory"/> that created them, so services running beside
/// in the same process (other tests) are not counted. Needs no exporter: it listens as an exporter would.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MeasurementRecorder(IMeterFactory meters, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with at least the given tags.</summary>
    public long Sum(string instrument, params (string Key, object? Value)[] tags) =>
        _measurements
            .Where(m => m.Instrument == instrument && tags.All(tag => m.Tags.Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value))))
            .Sum(m => m.Value);

    /// <summary>The tag sets <paramref name="instrument"/> recorded, each as "key=value,…", to show what was counted.</summary>
    public IReadOnlyList<string> TagSets(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument)
            .Select(m => string.Join(',', m.Tags.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")))
            .ToList();

    /// <summary>Reads the observable <paramref name="instrument"/> now, as a collection does; null when it reported nothing.</summary>
    public long? Observe(string instrument)
    {
        var before = _measurements.Count(m => m.Instrument == instrument);
        _listener.RecordObservableInstruments();
        var observed = _measurements.Where(m => m.Instrument == instrument).Skip(before).ToList();
        return observed.Count == 0 ? null : observed[^1].Value;
    }

    public void Dispose() => _listener.Dispose();
}
