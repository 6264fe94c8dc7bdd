using static Payguru.Bench.Common.ReportText;

namespace Payguru.Bench.Common;

/// <summary>
/// Warms the measured processes up until the JIT is done with them. A .NET process that has just started spends its
/// first seconds under load compiling its hot methods again, optimized (tiered compilation and its PGO
/// instrumentation): here that took 30–50 % of the gateway's and the processor's CPU for 10–20 s, longer than a whole
/// measured load. A load measured then measures the start-up, not the service, so rounds of warm-up run until one in
/// which every process compiled fewer than <see cref="QuietMethods"/> methods (bench/README.md, "Warm-up").
/// </summary>
public static class SteadyWarmup
{
    /// <summary>A round with fewer new methods than this in each process counts as steady.</summary>
    public const int QuietMethods = 100;

    /// <summary>Rounds at the most: a minute or so of warm-up at this machine's rates.</summary>
    public const int MaxRounds = 12;

    /// <summary>
    /// Runs <paramref name="round"/> (given its number, from 0) until a round is steady in every process, or
    /// <paramref name="maxRounds"/> rounds ran. Returns how many ran and the last round's compiled methods by process.
    /// </summary>
    public static async Task<Outcome> RunAsync(
        IEnumerable<(string Name, int Pid)> processes, int maxRounds, Func<int, Task> round)
    {
        await using var compiled = CompiledMethods.Start(processes);
        var before = await compiled.ReadAsync();
        for (var rounds = 1; ; rounds++)
        {
            await round(rounds - 1);
            var after = await compiled.ReadAsync();
            var last = after.Select((a, i) => (a.Name, a.Count - before[i].Count)).ToList();
            if (rounds == maxRounds || last.All(l => l.Item2 is < QuietMethods))
            {
                return new Outcome(rounds, last);
            }

            before = after;
        }
    }

    /// <param name="LastRound">Methods each process compiled in the last round; null where its count could not be read.</param>
    public sealed record Outcome(int Rounds, IReadOnlyList<(string Name, long? Methods)> LastRound)
    {
        public bool Steady => LastRound.All(l => l.Methods is < QuietMethods);

        public string Describe(int perRound) =>
            Inv($"{Rounds} round(s) of {perRound}, {(Steady ? "until the JIT was quiet" : "and the JIT was still compiling")}") +
            " (methods compiled in the last round: " +
            string.Join(", ", LastRound.Select(l => $"{l.Name} {(l.Methods is { } m ? Inv($"{m}") : "unread")}")) + ")";
    }
}
