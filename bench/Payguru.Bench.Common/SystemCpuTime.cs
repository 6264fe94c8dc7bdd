using System.Globalization;

namespace Payguru.Bench.Common;

/// <summary>The CPU time all cores together have been busy since boot, from the first line of /proc/stat (Linux).</summary>
public static class SystemCpuTime
{
    // USER_HZ, as in ProcessCpuTime.
    const double TicksPerSecond = 100;

    /// <summary>Busy time (user, nice, system, irq, softirq and steal), or null when /proc/stat cannot be read.</summary>
    public static TimeSpan? ReadBusy()
    {
        string? line;
        try
        {
            using var reader = new StreamReader("/proc/stat");
            line = reader.ReadLine();
        }
        catch (IOException)
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not { Length: >= 9 } || fields[0] != "cpu")
        {
            return null;
        }

        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
