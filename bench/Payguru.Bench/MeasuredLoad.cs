using Payguru.Bench.Common;

namespace Payguru.Bench;

/// <summary>A measured load and the CPU each process of the system spent on it.</summary>
public sealed record MeasuredLoad(LoadResult Result, IReadOnlyList<(string Name, TimeSpan Cpu)> Cpu)
{
    public static async Task<MeasuredLoad> RunAsync(IEnumerable<(string Name, int Pid)> processes, Func<Task<LoadResult>> load)
    {
        var meter = CpuMeter.Start(processes);
        var result = await load();
        return new MeasuredLoad(result, meter.Stop());
    }

    /// <summary>Microseconds of CPU per operation, by process (processes outside the benchmark last, as "other").</summary>
    public IEnumerable<(string Name, double Microseconds)> CpuPerOperation =>
        Cpu.Select(c => (c.Name, c.Cpu.TotalMicroseconds / Result.Count));

    /// <summary>The share of all cores that processes outside the benchmark used during the load.</summary>
    public double OtherShare =>
        Cpu.Where(c => c.Name == CpuMeter.Other).Sum(c => c.Cpu.TotalSeconds) / (Environment.ProcessorCount * Result.Elapsed.TotalSeconds);
}
