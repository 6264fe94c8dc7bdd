using System.Globalization;

namespace Payguru.Bench.Common;

/// <summary>Text pieces the benchmark reports share: invariant numbers, sizes and the failure list of a load.</summary>
public static class ReportText
{
    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Megabytes(long? bytes) => bytes is { } b ? Inv($"{b / 1024.0 / 1024.0:F1} MB") : "unknown";

    /// <summary>Prints the load's failures, most frequent first, under <paramref name="title"/>; nothing when there were none.</summary>
    public static void PrintFailures(TextWriter output, string title, LoadResult result)
    {
        if (result.Failures.Count == 0)
        {
            return;
        }

        output.WriteLine($"  {title}:");
        foreach (var (failure, count) in result.Failures.OrderByDescending(f => f.Value))
        {
            output.WriteLine(Inv($"    {count,7} x {failure}"));
        }
    }
}
