using System.Globalization;

namespace Payguru.Bench.Sandbox;

/// <summary>CPU time a process has used so far, from /proc (Linux); null where it cannot be read.</summary>
public static class ProcessCpu
{
    public static TimeSpan? Used(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the ")" that ends the command name.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            const double ticksPerSecond = 100; // USER_HZ on Linux
            return TimeSpan.FromSeconds(ticks / ticksPerSecond);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
