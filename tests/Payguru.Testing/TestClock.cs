using Microsoft.Extensions.Time.Testing;

namespace Payguru.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> (time moves only when the test calls <c>Advance</c>) that also says when the code
/// under test starts waiting on it: every timer it creates (a <c>Task.Delay</c> on it, a timeout) is counted by its
/// due time. A test moves the clock once the wait it means to end has begun, so code that starts its waits
/// asynchronously cannot miss the move; and what waits on this clock cannot end before the test moves it.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    readonly object _gate = new();
    readonly List<TimeSpan> _created = [];
    readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Created)> _waiters = [];

    public TestClock()
        : this(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many timers due <paramref name="dueTime"/> after their creation were created so far.</summary>
    public int TimersCreated(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _created.Count(created => created == dueTime);
        }
    }

    /// <summary>Waits until the <paramref name="count"/>th timer due <paramref name="dueTime"/> after its creation was created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, int count = 1, TimeSpan? timeout = null)
    {
        var waiter = (dueTime, count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_created.Count(created => created == dueTime) >= count)
            {
                return;
            }

            _waiters.Add(waiter);
        }

        var patience = timeout ?? TimeSpan.FromSeconds(30);
        try
        {
            await waiter.Item3.Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {patience.TotalSeconds:0.#} s for timer {count} due in {dueTime} on the test clock; {TimersCreated(dueTime)} were created.");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _created.Add(dueTime);
            var count = _created.Count(created => created == dueTime);
            foreach (var (due, wanted, created) in _waiters)
            {
                if (due == dueTime && count >= wanted)
                {
                    created.TrySetResult();
                }
            }
        }

        return timer;
    }
}
