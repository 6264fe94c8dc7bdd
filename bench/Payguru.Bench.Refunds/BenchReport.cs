using Payguru.Bench.Common;
using static Payguru.Bench.Common.ReportText;

namespace Payguru.Bench.Refunds;

/// <summary>The figures of one run, printed with the targets and a PASS/FAIL for each.</summary>
public sealed record BenchReport(
    BenchSettings Settings,
    int SystemWarmups,
    MeasuredLoad SystemLoad,
    MeasuredLoad BaselineLoad,
    SandboxStats SandboxAfterWarmup,
    SandboxStats Sandbox,
    IReadOnlyDictionary<string, long>? RecordedStates,
    IReadOnlyList<long?> ProcessorPeakBytes,
    long UnmatchedEvents,
    double? MeasuredWriteTransactions)
{
    const string CreateCalls = "refund/create";
    const string TokenCalls = "getToken";

    public LoadResult System => SystemLoad.Result;

    public LoadResult Baseline => BaselineLoad.Result;

    public double Ratio => System.PerSecond / Baseline.PerSecond;

    // Every instance's share, added up: what the processor as a whole used of one core.
    double? ProcessorCoreShare => Settings.ProcessorPids.Count == 0 ? null : Enumerable.Range(0, Settings.ProcessorPids.Count)
        .Select(i => SystemLoad.CoreShareOf(BenchSettings.ProcessorName(i)))
        .Aggregate((double?)0, (sum, share) => sum + share);

    double ProcessorCpuPerRefund => SystemLoad.CpuPerOperation
        .Where(p => Enumerable.Range(0, Settings.ProcessorPids.Count).Any(i => p.Name == BenchSettings.ProcessorName(i)))
        .Sum(p => p.Microseconds);

    long Expected => SystemWarmups + Settings.Count;

    long MeasuredCreated => Sandbox.RefundsCreated - SandboxAfterWarmup.RefundsCreated;

    long MeasuredCreateCalls => Sandbox.CallsTo(CreateCalls) - SandboxAfterWarmup.CallsTo(CreateCalls);

    public bool RatioPasses => Ratio >= Targets.MinThroughputRatio;

    /// <summary>Exactly one refund made and one create call per request: N in the measured load, N + warm-up in all.</summary>
    public bool CreatesPass =>
        MeasuredCreated == Settings.Count && MeasuredCreateCalls == Settings.Count &&
        Sandbox.RefundsCreated == Expected && Sandbox.CallsTo(CreateCalls) == Expected;

    public bool TokenPasses => Sandbox.CallsTo(TokenCalls) == Targets.GetTokenCalls;

    // Not one of the three targets, but a fast rejection would inflate the throughput.
    public bool AllSubmitted => System.Failed == 0 && Baseline.Failed == 0;

    public bool Passes => RatioPasses && CreatesPass && TokenPasses && AllSubmitted;

    public void Print(TextWriter output)
    {
        var s = Settings;
        output.WriteLine();
        output.WriteLine(Inv($"Payguru refunds benchmark: N={s.Count}, C={s.Concurrency}, warm-up in rounds of {s.Warmup} until the JIT is quiet, {s.Orders} orders, {s.ProcessorPids.Count} processor instance(s) on one database, {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine(Inv($"  refunds   {System.PerSecond,9:F0} refunds/s  p50 {System.PercentileMs(50),7:F2} ms  p99 {System.PercentileMs(99),7:F2} ms  ({System.Succeeded} RefundSubmitted, {System.Failed} other, {System.Elapsed.TotalSeconds:F1} s)"));
        output.WriteLine(Inv($"  baseline  {Baseline.PerSecond,9:F0} refunds/s  p50 {Baseline.PercentileMs(50),7:F2} ms  p99 {Baseline.PercentileMs(99),7:F2} ms  ({Baseline.Succeeded} RefundSubmitted, {Baseline.Failed} other, {Baseline.Elapsed.TotalSeconds:F1} s)"));
        output.WriteLine(Inv($"  ratio     {Ratio,9:F3} (refunds / baseline throughput)"));
        output.WriteLine(Inv($"  sandbox   {MeasuredCreated} refunds created and {MeasuredCreateCalls} refund/create calls in the measured load (N={s.Count}); {Sandbox.RefundsCreated} and {Sandbox.CallsTo(CreateCalls)} in all (warm-up + N = {Expected}); getToken calls {Sandbox.CallsTo(TokenCalls)}"));
        output.WriteLine($"  processor refunds table: {States()}; peak WS {string.Join(" and ", ProcessorPeakBytes.Select(Megabytes))} (VmHWM); {Percent(ProcessorCoreShare)} of a core during the load{(s.ProcessorPids.Count > 1 ? " (all instances)" : "")}");
        output.WriteLine(Inv($"  processor {ProcessorCpuPerRefund:F0} µs of CPU per refund{(s.ProcessorPids.Count > 1 ? ", all instances added up" : "")}"));
        output.WriteLine($"  sandbox   {Percent(SystemLoad.CoreShareOf("sandbox"))} of a core during the load; baseline consumer {Percent(BaselineLoad.CoreShareOf("baseline"))} during its load");
        output.WriteLine(MeasuredWriteTransactions is { } writes
            ? Inv($"  writes    {writes / s.Count:F2} SQLite write transactions per refund ({writes:F0} in the measured load{(s.ProcessorPids.Count > 1 ? ", all instances" : "")}, counted by the processor's {ProcessorCounters.WriteTransactions})")
            : "  writes    unknown (the processor's write-transaction counter could not be read)");
        if (UnmatchedEvents > 0)
        {
            output.WriteLine(Inv($"  events    {UnmatchedEvents} refund events matched no waiting request (duplicates or late answers)"));
        }

        SystemLoad.PrintCpu(output, "CPU per refund");
        BaselineLoad.PrintCpu(output, "CPU per baseline refund");
        PrintFailures(output, "refund requests not answered RefundSubmitted", System);
        PrintFailures(output, "baseline requests not answered RefundSubmitted", Baseline);
        output.WriteLine();
        output.WriteLine("  target                                    measured                result");
        Row(output, Inv($"throughput ratio >= {Targets.MinThroughputRatio:F2}"), Inv($"{Ratio:F3}"), RatioPasses);
        Row(output, "sandbox creates == N (warm-up + N in all)", Inv($"{MeasuredCreated}/{s.Count}, {Sandbox.RefundsCreated}/{Expected}"), CreatesPass);
        Row(output, Inv($"getToken calls == {Targets.GetTokenCalls}"), Inv($"{Sandbox.CallsTo(TokenCalls)}"), TokenPasses);
        Row(output, "every request answered RefundSubmitted", Inv($"{System.Succeeded}/{s.Count}, {Baseline.Succeeded}/{s.Count}"), AllSubmitted);
        output.WriteLine();
        output.WriteLine(Passes ? "PASS" : "FAIL");
    }

    string States() => RecordedStates is null
        ? "unreadable"
        : RecordedStates.Count == 0 ? "empty" : string.Join(", ", RecordedStates.Select(p => Inv($"{p.Value} {p.Key}")));

    static void Row(TextWriter output, string target, string measured, bool passes) =>
        output.WriteLine($"  {target,-42}{measured,-24}{(passes ? "PASS" : "FAIL")}");

    static string Percent(double? share) => share is { } s ? Inv($"{s * 100:F0}%") : "unknown";
}
