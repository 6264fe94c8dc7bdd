using System.Globalization;

namespace Payguru.Bench.Common;

/// <summary>The CPU time (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat (Linux).</summary>
public static class ProcessCpuTime
{
    // USER_HZ: the unit of utime and stime. 100 on every Linux the benchmarks run on.
    const double TicksPerSecond = 100;

    /// <summary>The CPU time used, or null when the process is gone or its stat cannot be read or parsed.</summary>
    public static TimeSpan? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name in parentheses may contain spaces; the fields after it do not.
            // After ") " come field 3 (state) onwards, so utime (field 14) is at index 11.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds((utime + stime) / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException
                                       or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
