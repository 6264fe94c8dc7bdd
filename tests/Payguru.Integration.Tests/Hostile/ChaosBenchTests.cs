using System.Text.RegularExpressions;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Hostile;

/// <summary>
/// A short run of <c>bench/chaos.sh</c> (60 s of load, every fault kind at least once: each fault lane finishes its
/// pass) as part of the suite: its own 3-node cluster, the real gateway, two processors and the sandbox as this suite
/// built them.
/// The script's checks decide (nothing lost, no duplicated side effect, no over-refund, no event missing, outbox and
/// _error queues empty, no secret in a log); this test also holds it to having injected every kind of fault.
/// </summary>
public sealed partial class ChaosBenchTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    static readonly string[] FaultKinds =
    [
        "node-kill", "node-stop-app", "connection-cut", "processor-kill", "provider-lost-answer", "provider-5xx",
        "provider-hold", "token-storm", "callback-duplicate", "callback-reorder",
    ];

    [Fact]
    public async Task Short_chaos_run_finds_no_violation_with_every_fault_injected()
    {
        // The shared broker only proves RabbitMQ is installed: the script starts nodes of its own beside it.
        Assert.NotNull(broker);
        // The services as this suite built them: no second build in Release.
        var environment = new Dictionary<string, string?> { ["DURATION"] = "60", ["TIME_LIMIT"] = "1500", ["CONFIGURATION"] = RepoPaths.Configuration };
        await using var chaos = ServiceProcess.Start("bash", [Path.Combine(RepoPaths.Root, "bench", "chaos.sh")], environment, RepoPaths.Root, output, "chaos.sh");

        var exitCode = await chaos.WaitForExitAsync(TimeSpan.FromMinutes(30));

        Assert.True(exitCode == 0, $"bench/chaos.sh exited {exitCode}:\n{chaos.OutputText}");
        Assert.Equal("0", ViolationsLine().Match(chaos.OutputText).Groups[1].Value);
        var injected = FaultsLine().Match(chaos.OutputText);
        Assert.True(injected.Success, "the run printed no 'faults injected:' line");
        var counts = injected.Groups[1].Value.Split(' ').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var kind in FaultKinds)
        {
            Assert.True(counts.GetValueOrDefault(kind) >= 1, $"the fault {kind} did not take effect in the run:\n{chaos.OutputText}");
        }
    }

    [GeneratedRegex(@"^violations: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex ViolationsLine();

    [GeneratedRegex(@"^faults injected: (.+)$", RegexOptions.Multiline)]
    private static partial Regex FaultsLine();
}
