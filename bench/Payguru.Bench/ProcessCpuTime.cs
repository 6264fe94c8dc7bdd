using System.Globalization;

namespace Payguru.Bench;

/// <summary>The CPU time (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat (Linux).</summary>
public static class ProcessCpuTime
{
    // USER_HZ: the unit of utime and stime. 100 on every Linux the benchmark runs on.
    const double TicksPerSecond = 100;

    /// <summary>The CPU time used, or null when the process is gone.</summary>
    public static TimeSpan? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name in parentheses may contain spaces; the fields after it do not.
        // After ") " come field 3 (state) onwards, so utime (field 14) is at index 11.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((utime + stime) / TicksPerSecond);
    }
}
