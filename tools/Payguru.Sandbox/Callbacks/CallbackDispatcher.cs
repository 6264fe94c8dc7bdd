using System.Threading.Channels;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Settings;
using Payguru.Sandbox.Stats;

namespace Payguru.Sandbox.Callbacks;

/// <summary>
/// Delivers notifications to merchants the way Payguru does: in order, one at a time, each retried
/// with a doubling backoff until the merchant answers <c>OK</c>. Callback faults act here: a
/// notification may be sent twice, delayed, or held and then released newest first.
/// </summary>
public sealed class CallbackDispatcher(
    CallbackSender sender,
    FaultBook faults,
    SandboxSettings settings,
    SandboxStats stats,
    TimeProvider time,
    ILogger<CallbackDispatcher> logger) : BackgroundService
{
    readonly Channel<Delivery> queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    readonly Lock gate = new();
    readonly List<Callback> held = [];
    CancellationTokenSource resetSource = new();
    int generation;
    long pending;

    /// <summary>Notifications not yet accepted with <c>OK</c>: queued, delayed or waiting to be retried.</summary>
    public long Pending => Interlocked.Read(ref pending);

    /// <summary>Notifications held by an out-of-order fault.</summary>
    public int Held
    {
        get
        {
            lock (gate)
            {
                return held.Count;
            }
        }
    }

    /// <summary>Queues a notification behind the ones before it.</summary>
    public void Enqueue(Callback callback)
    {
        var plan = faults.TakeForCallback();
        if (plan.Hold)
        {
            Hold(callback, plan.CompletesHeldGroup);
            return;
        }

        Start(callback, plan.DelayMs);
        if (plan.Twice)
        {
            Start(callback, plan.DelayMs);
        }
    }

    /// <summary>
    /// Delivers a notification now, in the caller's flow (<c>/phs/transaction/test</c> answers with
    /// what the merchant answered). Not accepted: it is retried in the background like any other.
    /// </summary>
    public async Task<DispatchOutcome> SendNowAsync(Callback callback)
    {
        var plan = faults.TakeForCallback();
        if (plan.Hold)
        {
            Hold(callback, plan.CompletesHeldGroup);
            return DispatchOutcome.Held;
        }

        var delivery = new Delivery(callback, 1, Volatile.Read(ref generation));
        Interlocked.Increment(ref pending);
        if (plan.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(plan.DelayMs), time);
        }

        var answer = await AttemptAsync(delivery, CancellationToken.None);
        if (plan.Twice)
        {
            Start(callback, 0);
        }

        return new DispatchOutcome(answer);
    }

    /// <summary>Releases every held notification, newest first.</summary>
    public int ReleaseHeld()
    {
        List<Callback> released;
        lock (gate)
        {
            released = [.. held];
            held.Clear();
        }

        released.Reverse();
        foreach (var callback in released)
        {
            Start(callback, 0);
        }

        if (released.Count > 0)
        {
            logger.LogInformation("Released {Count} held notification(s), newest first", released.Count);
        }

        return released.Count;
    }

    /// <summary>Forgets every queued, delayed, retrying and held notification.</summary>
    public void Reset()
    {
        CancellationTokenSource previous;
        lock (gate)
        {
            Interlocked.Increment(ref generation);
            previous = resetSource;
            resetSource = new CancellationTokenSource();
            held.Clear();
            Interlocked.Exchange(ref pending, 0);
        }

        previous.Cancel();
        previous.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (delivery.Generation == Volatile.Read(ref generation))
                {
                    await AttemptAsync(delivery, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered notifications go with the in-memory state.
        }
    }

    void Hold(Callback callback, bool completesGroup)
    {
        lock (gate)
        {
            held.Add(callback);
        }

        logger.LogInformation("Holding {Callback} (out-of-order fault)", callback);
        if (completesGroup)
        {
            ReleaseHeld();
        }
    }

    void Start(Callback callback, int delayMs)
    {
        var delivery = new Delivery(callback, 1, Volatile.Read(ref generation));
        Interlocked.Increment(ref pending);
        if (delayMs > 0)
        {
            logger.LogInformation("Delaying {Callback} by {DelayMs} ms (delay fault)", callback, delayMs);
            _ = QueueLaterAsync(delivery, TimeSpan.FromMilliseconds(delayMs));
        }
        else
        {
            queue.Writer.TryWrite(delivery);
        }
    }

    async Task<CallbackAnswer> AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var current = settings.Current;
        var answer = await sender.SendAsync(delivery.Callback, current.CallbackForm, current.CallbackTimeout, cancellationToken);
        stats.CallbackAttempted(delivery.Callback.Kind, answer);
        var stale = delivery.Generation != Volatile.Read(ref generation);
        if (answer.IsOk)
        {
            logger.LogInformation("{Callback} to {Url}: OK (attempt {Attempt})", delivery.Callback, delivery.Callback.Url, delivery.Attempt);
            if (!stale)
            {
                Interlocked.Decrement(ref pending);
            }
        }
        else if (!stale)
        {
            var wait = Backoff(delivery.Attempt, current);
            logger.LogInformation(
                "{Callback} to {Url}: {Answer} (attempt {Attempt}); retrying in {Wait}",
                delivery.Callback, delivery.Callback.Url, answer.Summary, delivery.Attempt, wait);
            _ = QueueLaterAsync(delivery with { Attempt = delivery.Attempt + 1 }, wait);
        }

        return answer;
    }

    async Task QueueLaterAsync(Delivery delivery, TimeSpan wait)
    {
        CancellationToken cancellation;
        lock (gate)
        {
            cancellation = resetSource.Token;
        }

        try
        {
            await Task.Delay(wait, time, cancellation);
            queue.Writer.TryWrite(delivery);
        }
        catch (OperationCanceledException)
        {
            // Reset: the notification is forgotten with the rest of the state.
        }
    }

    static TimeSpan Backoff(int attempt, RuntimeSettings current)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(current.CallbackRetryDelay.Ticks * factor, current.CallbackMaxRetryDelay.Ticks));
        return wait;
    }

    sealed record Delivery(Callback Callback, int Attempt, int Generation);
}
