using System.Diagnostics;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>Waits for something another process does (a callback arriving, a counter moving) with a deadline.</summary>
public static class Poll
{
    /// <summary>Calls <paramref name="probe"/> until <paramref name="done"/> accepts its value; throws naming <paramref name="what"/> on timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; the last value was {value}.");
            }

            await Task.Delay(50);
        }
    }
}
