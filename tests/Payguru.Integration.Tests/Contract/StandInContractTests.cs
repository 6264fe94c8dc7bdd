using Payguru.Integration.Tests.Infrastructure;

namespace Payguru.Integration.Tests.Contract;

/// <summary>
/// Keeps the test kit honest: the table of <see cref="ContractCases"/> runs against the stand-ins (in memory) and against the
/// real processor (RabbitMQ, the processor and the gateway as processes, the sandbox over HTTP); every step must give the
/// same event or answer, with the same reasons, codes, messages and message ids, on both.
/// </summary>
public sealed class StandInContractTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Stand_ins_answer_every_case_as_the_real_processor_does()
    {
        var standIn = await RunAsync(StandInSide.StartAsync());
        var real = await RunAsync(ProcessorSide.StartAsync(broker, output));

        foreach (var (name, _) in ContractCases.All)
        {
            output.WriteLine($"== {name}\n{string.Join('\n', real[name])}");
        }

        Assert.All(ContractCases.All, @case => Assert.Equal(real[@case.Name], standIn[@case.Name]));
        // Not two sides agreeing on nothing: every step that sends something observed an answer.
        Assert.Equal(ContractCases.All.Sum(c => c.Steps.Count(s => s is not (ContractStep.Pay or ContractStep.RefuseNextRefund or ContractStep.RefuseNextMember or ContractStep.RefuseNextToken))),
            real.Values.Sum(lines => lines.Count));
        Assert.Contains(real.Values.SelectMany(lines => lines), line => line.StartsWith("RefundSettled", StringComparison.Ordinal) && line.Contains("status=3", StringComparison.Ordinal));
    }

    static async Task<Dictionary<string, IReadOnlyList<string>>> RunAsync<TSide>(Task<TSide> starting)
        where TSide : IContractSide
    {
        await using var side = await starting;
        var runner = new ContractRunner(side, await ObservedEvents.StartAsync(side.Bus));
        var observed = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, steps) in ContractCases.All)
        {
            observed[name] = await runner.RunAsync(steps);
        }

        return observed;
    }
}
