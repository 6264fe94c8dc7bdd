using System.Collections.Concurrent;

namespace Payguru.Bench.Chaos;

/// <summary>
/// Each fault injected, whether it took effect (a provider fault only does when a call comes while it is in force),
/// and how long the system took to get a probe through after it (see <see cref="Load.ProbeAsync"/>).
/// </summary>
public sealed class FaultLog
{
    readonly ConcurrentQueue<FaultRecord> _records = new();

    public IReadOnlyCollection<FaultRecord> Records => _records;

    public void Add(FaultRecord record)
    {
        _records.Enqueue(record);
        Console.Error.WriteLine($"[chaos] {DateTime.UtcNow:HH:mm:ss} {record.Kind}: {(record.TookEffect ? "took effect" : "did not take effect")}, "
            + (record.Recovery is { } recovery ? $"recovered in {recovery.TotalSeconds:0.0} s" : "NOT recovered") + (record.Detail is null ? "" : $" ({record.Detail})"));
    }

    public IEnumerable<FaultRecord> Of(string kind) => _records.Where(record => record.Kind == kind);
}

/// <param name="Recovery">
/// Until a probe got through (null: not within 3 minutes): for a node killed or stopped, from that moment, while it is
/// still down (a majority is left, so the cluster must carry on); for every other fault, from the moment it ended.
/// </param>
public sealed record FaultRecord(string Kind, bool TookEffect, TimeSpan? Recovery, string? Detail);
