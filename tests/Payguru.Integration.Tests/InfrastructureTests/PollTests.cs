using Payguru.Testing;

namespace Payguru.Integration.Tests.InfrastructureTests;

public sealed class PollTests
{
    [Fact]
    public async Task Returns_the_first_value_the_condition_accepts()
    {
        var calls = 0;

        var value = await Poll.WaitUntilAsync(
            _ => Task.FromResult(++calls), count => count >= 3, TimeSpan.FromSeconds(5), "three calls", TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, value);
    }

    [Fact]
    public async Task Times_out_at_its_deadline_naming_what_it_waited_for_and_the_last_value()
    {
        var clock = new TestClock();
        var step = TimeSpan.FromMilliseconds(100);

        var waiting = Poll.WaitUntilAsync(
            _ => Task.FromResult("pending"), state => state == "done", TimeSpan.FromMilliseconds(300), "the job to finish", step, time: clock);

        // Short of the deadline it polls on: each step waits on the clock, which moves only here.
        for (var steps = 1; steps <= 3; steps++)
        {
            await clock.WaitForTimerAsync(step, steps);
            Assert.False(waiting.IsCompleted, $"gave up after {(steps - 1) * step} of its 300 ms");
            clock.Advance(step);
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.Contains("the job to finish", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"pending\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_from_the_probe_are_not_swallowed()
    {
        await Assert.ThrowsAsync<FormatException>(() => Poll.WaitUntilAsync(
            _ => Task.FromException<bool>(new FormatException("bad sql")), TimeSpan.FromSeconds(5), "never"));
    }
}
