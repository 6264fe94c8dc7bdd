namespace Payguru.Testing;

/// <summary>
/// Waits for eventually-true conditions (rows written by another process, queues drained, a callback arriving, a counter
/// moving) with a deadline.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="done"/> accepts its value and returns that value; throws a
    /// <see cref="TimeoutException"/> naming <paramref name="description"/> and the last value when time runs out.
    /// The probe always runs at least once, and once more at the deadline. Exceptions from the probe propagate at once.
    /// </summary>
    /// <param name="time">The clock of the steps and the deadline; the system's by default (a test of Poll itself passes a fake one).</param>
    public static async Task<T> WaitUntilAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string description,
        TimeSpan? interval = null,
        CancellationToken cancellationToken = default,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var step = interval ?? DefaultInterval;
        var started = time.GetTimestamp();
        while (true)
        {
            var value = await probe(cancellationToken);
            if (done(value))
            {
                return value;
            }

            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"Waited {timeout.TotalSeconds:0.#} s for {description}; the last value was {Describe(value)}.");
            }

            await Task.Delay(remaining < step ? remaining : step, time, cancellationToken);
        }
    }

    /// <summary>Polls an asynchronous condition until it is true.</summary>
    public static Task WaitUntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        string description,
        TimeSpan? interval = null,
        CancellationToken cancellationToken = default) =>
        WaitUntilAsync(condition, static ok => ok, timeout, description, interval, cancellationToken);

    /// <summary>Polls a synchronous condition until it is true.</summary>
    public static Task WaitUntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string description,
        TimeSpan? interval = null,
        CancellationToken cancellationToken = default) =>
        WaitUntilAsync(_ => Task.FromResult(condition()), static ok => ok, timeout, description, interval, cancellationToken);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        System.Collections.ICollection collection => $"{value} with {collection.Count} items",
        _ => value.ToString() ?? "",
    };
}
