using System.Diagnostics;

namespace Payguru.Bench;

/// <summary>Waits for a count that a consumer raises (payments recorded, messages acknowledged) to reach its goal.</summary>
public static class CountWait
{
    // The consumer may still be draining its queue; only a count that has not moved for this long is final. Not
    // before the first: two processors starting together on a fresh database took longer than this to record one.
    static readonly TimeSpan StallWindow = TimeSpan.FromSeconds(10);

    /// <summary>The final count, when it was last seen to change (a <see cref="Stopwatch"/> timestamp), and how long after the call that was.</summary>
    public sealed record Outcome(long Count, long ReachedAt, TimeSpan Waited);

    /// <summary>
    /// Polls <paramref name="count"/> (null: unreadable for now) every <paramref name="interval"/> until it reaches
    /// <paramref name="goal"/>, stops growing once it has started, or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<Outcome> WaitAsync(
        Func<CancellationToken, Task<long?>> count, long goal, TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long last = -1;
        var lastChange = started;
        while (true)
        {
            var now = await count(cancellationToken) ?? last;
            if (now != last)
            {
                last = now;
                lastChange = Stopwatch.GetTimestamp();
            }

            if (last >= goal || (last > 0 && Stopwatch.GetElapsedTime(lastChange) >= StallWindow) || Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return new Outcome(Math.Max(last, 0), lastChange, Stopwatch.GetElapsedTime(started, lastChange));
            }

            await Task.Delay(interval, cancellationToken);
        }
    }
}
