using System.Diagnostics;

namespace Payguru.RefundProcessor.Tests.Infrastructure;

/// <summary>Waits for an eventually-true condition (a row committed by a consumer, a message sent) with a deadline.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="done"/> accepts its value and returns that value;
    /// throws a <see cref="TimeoutException"/> naming <paramref name="description"/> and the last value otherwise.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string description, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
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
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {description}; the last value was {value}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    public static Task UntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), static ok => ok, description, timeout);
}
