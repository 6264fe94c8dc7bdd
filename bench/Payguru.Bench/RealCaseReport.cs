using static Payguru.Bench.Common.ReportText;

namespace Payguru.Bench;

/// <summary>The real case's lines of the report: each phase's rates, the queue's depth as the load ended, and the ratio.</summary>
public static class RealCaseReport
{
    public static void Print(TextWriter output, BenchSettings settings, RealCaseResult baseline, RealCaseResult processor, double? writes)
    {
        output.WriteLine();
        output.WriteLine(Inv($"  real case: a gateway and its consumer at the same time, N={settings.Count} after the warm-up, {settings.Processors} processor instance(s) on one database"));
        Phase(output, Inv($"processor x{settings.Processors}"), "recorded", processor, settings.Count);
        Phase(output, "baseline", "acked", baseline, settings.Count);
        var ratio = baseline.EndToEndPerSecond > 0 ? processor.EndToEndPerSecond / baseline.EndToEndPerSecond : 0;
        output.WriteLine(Inv($"    ratio        {ratio:F2} (processor's end-to-end rate / the plain consumer's, each fed by its own gateway)"));
        var processorGateway = processor.GatewayLoad.Result.PerSecond;
        output.WriteLine(Inv($"    keeps pace   {processor.EndToEndPerSecond / processorGateway:F2} (processor's end-to-end rate / its gateway's OK rate; 1.00 and a queue depth near 0: it keeps pace)"));
        output.WriteLine(writes is { } w
            ? Inv($"    writes       {w / (processor.Warmups + processor.Consumed):F3} SQLite write transactions per payment in the real case (all instances, since they started)")
            : "    writes       unknown in the real case (a processor's write-transaction counter could not be read)");
        processor.GatewayLoad.PrintCpu(output, "real case: CPU per notification");
        baseline.GatewayLoad.PrintCpu(output, "real-case baseline: CPU per notification");
        PrintFailures(output, "real case: answers other than OK", processor.GatewayLoad.Result);
        PrintFailures(output, "real-case baseline: answers other than OK", baseline.GatewayLoad.Result);
    }

    static void Phase(TextWriter output, string name, string verb, RealCaseResult result, int count)
    {
        output.WriteLine(Inv($"    {name,-12} warm-up: {result.Warmup.Describe(result.Warmups / result.Warmup.Rounds)}"));
        var gateway = result.GatewayLoad.Result;
        var depth = result.DepthAtEnd is { } d ? Inv($"{d.Messages}") : "unknown";
        output.WriteLine(Inv($"    {name,-12} {result.EndToEndPerSecond,7:F0}/s end to end (OK → {verb}: {result.Consumed}/{count}, the last {result.EndToEnd.TotalSeconds:F1} s after the load started); gateway {gateway.PerSecond:F0}/s OK, p99 {gateway.PercentileMs(99):F1} ms, {gateway.Elapsed.TotalSeconds:F1} s; queue depth as the load ended {depth}"));
    }
}
