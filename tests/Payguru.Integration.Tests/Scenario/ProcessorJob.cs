using Payguru.Testing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>
/// One of the processor's periodic jobs, seen from outside its process. After each pass, once the next
/// one is scheduled, it writes at Debug "RefundReconciler pass 12 done; next in 00:00:00.5000000" (the
/// processor's JobPassLog). A test sets <see cref="LogLevelSetting"/> to Debug and waits for passes after
/// the point it checks instead of sleeping: the second pass that ends after a point began after it (docs/testing.md).
/// </summary>
public sealed record ProcessorJob(string Category)
{
    public static ProcessorJob Reconciler { get; } = new("Payguru.RefundProcessor.Refunds.RefundReconciler");

    public static ProcessorJob OutboxRelay { get; } = new("Payguru.RefundProcessor.Outbox.OutboxRelay");

    public string Name => Category[(Category.LastIndexOf('.') + 1)..];

    /// <summary>The processor's setting of this job's log level; "Debug" makes it write its pass lines.</summary>
    public string LogLevelSetting => $"Logging__LogLevel__{Category}";

    /// <summary>Waits for <paramref name="passes"/> passes of the job that end at or after line <paramref name="fromLine"/> of <paramref name="processor"/>.</summary>
    public async Task WaitForPassesAsync(ServiceProcess processor, int passes, int fromLine, TimeSpan? timeout = null)
    {
        for (var pass = 1; pass <= passes; pass++)
        {
            var line = await processor.WaitForOutputAsync(
                IsPassLine, $"pass {pass} of {passes} of {Name} after line {fromLine}", timeout ?? TimeSpan.FromSeconds(30), fromLine);
            fromLine = line.Index + 1;
        }
    }

    bool IsPassLine(string line) =>
        line.Contains($"{Name} pass ", StringComparison.Ordinal) && line.Contains(" done; next in ", StringComparison.Ordinal);
}
