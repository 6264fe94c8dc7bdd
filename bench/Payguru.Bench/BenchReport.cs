using Payguru.Bench.Common;
using static Payguru.Bench.Common.ReportText;

namespace Payguru.Bench;

/// <summary>The figures of one run, printed with the targets and a PASS/FAIL for each.</summary>
public sealed record BenchReport(
    BenchSettings Settings,
    int GatewayWarmups,
    MeasuredLoad GatewayLoad,
    MeasuredLoad BaselineLoad,
    long? GatewayPeakBytes,
    long? ProcessorPeakBytes,
    CountWait.Outcome Recorded,
    double? ProcessorWriteTransactions,
    RealCaseResult ConsumerBaseline,
    RealCaseResult RealCase,
    double? RealCaseWriteTransactions)
{
    public LoadResult Gateway => GatewayLoad.Result;

    public LoadResult Baseline => BaselineLoad.Result;

    public double Ratio => Gateway.PerSecond / Baseline.PerSecond;

    public double ProcessorRate => Recorded.Waited > TimeSpan.Zero ? (GatewayWarmups + Recorded.Count) / Recorded.Waited.TotalSeconds : 0;

    public bool RatioPasses => Ratio >= Targets.MinThroughputRatio;

    public bool AllRecorded => Recorded.Count == Settings.Count;

    public bool MemoryPasses => GatewayPeakBytes is { } peak && peak <= Targets.MaxGatewayPeakBytes;

    // Not one of the three targets, but a fast non-OK answer would inflate the throughput.
    public bool AllAnswersOk => Gateway.Failed == 0;

    /// <summary>In the real case every OK is recorded too, and every answer is OK; the baseline consumer had every message.</summary>
    public bool RealCaseComplete =>
        RealCase.Consumed == Settings.Count && RealCase.GatewayLoad.Result.Failed == 0 &&
        ConsumerBaseline.Consumed == Settings.Count && ConsumerBaseline.GatewayLoad.Result.Failed == 0;

    public bool Passes => RatioPasses && AllRecorded && MemoryPasses && AllAnswersOk && RealCaseComplete;

    public void Print(TextWriter output)
    {
        var s = Settings;
        output.WriteLine();
        output.WriteLine(Inv($"Payguru notifications benchmark: N={s.Count}, C={s.Concurrency}, warm-up in rounds of {s.Warmup} until the JIT is quiet, {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine(Inv($"  gateway   {Gateway.PerSecond,9:F0} notifications/s  p50 {Gateway.PercentileMs(50),7:F2} ms  p99 {Gateway.PercentileMs(99),7:F2} ms  ({Gateway.Succeeded} OK, {Gateway.Failed} other, {Gateway.Elapsed.TotalSeconds:F1} s)"));
        output.WriteLine(Inv($"  baseline  {Baseline.PerSecond,9:F0} publishes/s      p50 {Baseline.PercentileMs(50),7:F2} ms  p99 {Baseline.PercentileMs(99),7:F2} ms  ({Baseline.Succeeded} confirmed, {Baseline.Failed} failed, {Baseline.Elapsed.TotalSeconds:F1} s)"));
        output.WriteLine(Inv($"  ratio     {Ratio,9:F2} (gateway / baseline throughput)"));
        output.WriteLine(Inv($"  peak WS   gateway {Megabytes(GatewayPeakBytes)}, processor {Megabytes(ProcessorPeakBytes)} (VmHWM)"));
        output.WriteLine(Inv($"  recorded  {Recorded.Count} of {s.Count} in payments, the last {Recorded.Waited.TotalSeconds:F1} s after the processor started"));
        output.WriteLine(Inv($"  processor {ProcessorRate,9:F0} payments/s recorded from its queue by {s.Processors} instance(s) ({GatewayWarmups + s.Count} queued, warm-up included; start-up counted)"));
        output.WriteLine(ProcessorWriteTransactions is { } writes
            ? Inv($"  writes    {writes / (GatewayWarmups + Recorded.Count):F3} SQLite write transactions per payment ({writes:F0} since the processor started, counted by its {ProcessorCounters.WriteTransactions})")
            : "  writes    unknown (the processor's write-transaction counter could not be read)");
        GatewayLoad.PrintCpu(output, "CPU per notification");
        BaselineLoad.PrintCpu(output, "CPU per baseline publish");
        PrintFailures(output, "gateway answers other than OK", Gateway);
        PrintFailures(output, "baseline publishes that failed", Baseline);
        RealCaseReport.Print(output, s, ConsumerBaseline, RealCase, RealCaseWriteTransactions);
        output.WriteLine();
        output.WriteLine("  target                                  measured        result");
        Row(output, Inv($"throughput ratio >= {Targets.MinThroughputRatio:F1}"), Inv($"{Ratio:F2}"), RatioPasses);
        Row(output, "all N recorded by the processor", Inv($"{Recorded.Count}/{s.Count}"), AllRecorded);
        Row(output, Inv($"gateway peak working set <= {Targets.MaxGatewayPeakBytes / 1024 / 1024} MB"), Megabytes(GatewayPeakBytes), MemoryPasses);
        Row(output, "every answer exactly OK", Inv($"{Gateway.Succeeded}/{s.Count}"), AllAnswersOk);
        Row(output, "real case: all N OK and recorded", Inv($"{RealCase.Consumed}/{s.Count}"), RealCase.Consumed == s.Count && RealCase.GatewayLoad.Result.Failed == 0);
        Row(output, "real-case baseline: all N OK and acked", Inv($"{ConsumerBaseline.Consumed}/{s.Count}"), ConsumerBaseline.Consumed == s.Count && ConsumerBaseline.GatewayLoad.Result.Failed == 0);
        output.WriteLine();
        output.WriteLine(Passes ? "PASS" : "FAIL");
    }

    static void Row(TextWriter output, string target, string measured, bool passes) =>
        output.WriteLine($"  {target,-40}{measured,-16}{(passes ? "PASS" : "FAIL")}");
}
