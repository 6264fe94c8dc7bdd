namespace Payguru.Bench.Common;

/// <summary>
/// How much CPU each process of the system used during one measured load, to show where the
/// time of a notification goes when the cores are the limit, and how much went to processes
/// outside the benchmark (which makes a run's figures unreliable).
/// </summary>
public sealed class CpuMeter
{
    public const string Other = "other";

    readonly List<(string Name, int Pid, TimeSpan Started)> processes = [];
    TimeSpan? systemStarted;

    /// <param name="processes">Name and pid of each process to meter; this benchmark's own process is added as "client".</param>
    public static CpuMeter Start(IEnumerable<(string Name, int Pid)> processes)
    {
        var meter = new CpuMeter();
        foreach (var (name, pid) in processes.Append(("client", Environment.ProcessId)))
        {
            // A process that is already gone is left out rather than reported as idle.
            if (ProcessCpuTime.Read(pid) is { } time)
            {
                meter.processes.Add((name, pid, time));
            }
        }

        meter.systemStarted = SystemCpuTime.ReadBusy();
        return meter;
    }

    /// <summary>CPU used by each metered process since <see cref="Start"/>, in the order given, then by all other processes.</summary>
    public IReadOnlyList<(string Name, TimeSpan Cpu)> Stop()
    {
        var systemBusy = SystemCpuTime.ReadBusy() - systemStarted;
        List<(string Name, TimeSpan Cpu)> used = [.. processes.Select(p => (p.Name, (ProcessCpuTime.Read(p.Pid) ?? p.Started) - p.Started))];
        if (systemBusy is { } busy)
        {
            // Clamped: the two sources tick separately and can disagree by a tick or two.
            var other = busy - used.Aggregate(TimeSpan.Zero, (sum, u) => sum + u.Cpu);
            used.Add((Other, other > TimeSpan.Zero ? other : TimeSpan.Zero));
        }

        return used;
    }
}
