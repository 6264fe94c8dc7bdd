using System.Globalization;

namespace Payguru.Bench;

/// <summary>
/// How many warm-up and measured PaymentAccepted messages the baseline consumer has handled, in a small file it
/// rewrites every <see cref="Interval"/> and the bench reads: the baseline's twin of the processor's payments table.
/// </summary>
public static class ConsumerProgress
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static void Write(string path, long warmup, long measured)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{warmup} {measured}"));
        // A rename, so that the reader never sees half a file.
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The warm-up count (<paramref name="measured"/> false) or the measured one; null before the first write.</summary>
    public static async Task<long?> ReadAsync(string path, bool measured, CancellationToken cancellationToken)
    {
        try
        {
            var fields = (await File.ReadAllTextAsync(path, cancellationToken)).Split(' ');
            return long.Parse(fields[measured ? 1 : 0], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
