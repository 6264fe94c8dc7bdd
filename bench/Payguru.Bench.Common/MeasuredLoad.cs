using static Payguru.Bench.Common.ReportText;

namespace Payguru.Bench.Common;

/// <summary>A measured load and the CPU each process of the system spent on it.</summary>
public sealed record MeasuredLoad(LoadResult Result, IReadOnlyList<(string Name, TimeSpan Cpu)> Cpu)
{
    // Beyond this share of the cores, other work on the machine distorts the figures.
    const double MaxOtherShare = 0.10;

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

    /// <summary>The share of one core that the process <paramref name="name"/> used during the load, or null when it was not metered.</summary>
    public double? CoreShareOf(string name) =>
        Cpu.Where(c => c.Name == name).Select(c => (double?)(c.Cpu.TotalSeconds / Result.Elapsed.TotalSeconds)).FirstOrDefault();

    /// <summary>
    /// One line of CPU per operation by process and the throughput those costs allow on this
    /// machine's cores (with every process on the same cores, they bound it), and a warning when
    /// other processes used more than a tenth of the cores.
    /// </summary>
    public void PrintCpu(TextWriter output, string title)
    {
        var perOperation = CpuPerOperation.ToList();
        var system = perOperation.Where(p => p.Name != CpuMeter.Other).Sum(p => p.Microseconds);
        var parts = string.Join(", ", perOperation.Select(p => Inv($"{p.Name} {p.Microseconds:F0}")));
        var ceiling = Environment.ProcessorCount * 1_000_000 / system;
        output.WriteLine(Inv($"  {title} (µs): {parts}; benchmark's processes {system:F0}, so at most {ceiling:F0}/s on {Environment.ProcessorCount} cores"));
        if (OtherShare > MaxOtherShare)
        {
            output.WriteLine(Inv($"  WARNING: other processes used {OtherShare * 100:F0}% of the cores during this load; its figures are unreliable"));
        }
    }
}
