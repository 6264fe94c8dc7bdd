using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Hostile;

/// <summary>
/// A short run of <c>bench/fuzz.sh</c> (1,000 hostile and genuine requests, 64 bodies of 8 MB) as part of the
/// suite: the real gateway in Release on a fresh virtual host; the script's own checks decide (no 5xx, no forged
/// OK, one queued message per genuine OK, every request answered, peak RSS under 300 MB).
/// </summary>
public sealed class FuzzBenchTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Short_fuzz_run_finds_every_figure_right()
    {
        Assert.NotNull(broker);
        var environment = new Dictionary<string, string?> { ["N"] = "1000", ["FLOOD"] = "64", ["TIME_LIMIT"] = "600" };
        await using var fuzz = ServiceProcess.Start("bash", [Path.Combine(RepoPaths.Root, "bench", "fuzz.sh")], environment, RepoPaths.Root, output, "fuzz.sh");

        var exitCode = await fuzz.WaitForExitAsync(TimeSpan.FromMinutes(15));

        Assert.True(exitCode == 0, $"bench/fuzz.sh exited {exitCode}:\n{fuzz.OutputText}");
        Assert.Contains("5xx answers: 0 (must be 0)", fuzz.OutputText);
        Assert.Contains("forged or malformed answered OK: 0 (must be 0)", fuzz.OutputText);
        Assert.Contains("every figure is right", fuzz.OutputText);
    }
}
