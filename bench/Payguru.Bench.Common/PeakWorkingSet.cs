using System.Globalization;

namespace Payguru.Bench.Common;

/// <summary>A process's peak resident set size so far (VmHWM in /proc/&lt;pid&gt;/status, Linux).</summary>
public static class PeakWorkingSet
{
    /// <summary>The peak in bytes, or null when the process is gone or /proc has no such line.</summary>
    public static long? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The line reads "VmHWM:    123456 kB".
        var line = lines.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [_, var kilobytes, "kB"] && long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb * 1024
            : null;
    }
}
