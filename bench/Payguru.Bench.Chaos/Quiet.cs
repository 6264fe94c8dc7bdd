namespace Payguru.Bench.Chaos;

/// <summary>
/// After the load: until nothing moves any more — the sandbox has no callback pending or held and no provider call in
/// flight, the outbox has nothing unsent, every queue of the cluster is empty and every refund request has an
/// outcome — three looks in a row, or the patience is spent (which the verdict reports).
/// </summary>
public sealed class Quiet(ChaosSandbox sandbox, ProcessorDatabase database, Cluster cluster, RecordedEvents events, Ledger ledger)
{
    public async Task<(bool Reached, TimeSpan Took, string LastState)> WaitAsync(TimeSpan patience, CancellationToken abort)
    {
        var started = DateTime.UtcNow;
        var calm = 0;
        var state = "";
        while (DateTime.UtcNow - started < patience)
        {
            state = await StateAsync(abort);
            calm = state.Length == 0 ? calm + 1 : 0;
            if (calm == 3)
            {
                return (true, DateTime.UtcNow - started, "");
            }

            await Task.Delay(2000, abort);
        }

        return (false, DateTime.UtcNow - started, state);
    }

    /// <summary>What still moves, or "" when nothing does.</summary>
    async Task<string> StateAsync(CancellationToken abort)
    {
        var moving = new List<string>();
        var stats = await sandbox.StatsAsync(abort);
        var callbacks = stats.GetProperty("callbacks");
        var pending = callbacks.GetProperty("pending").GetInt64() + callbacks.GetProperty("held").GetInt64();
        if (pending > 0)
        {
            moving.Add($"{pending} callbacks pending at the sandbox");
        }

        // A provider call still being handled (a held refund/create) could still take effect; sandboxes that do not
        // count them yet leave this out.
        if (stats.TryGetProperty("callsInFlight", out var inFlight) && inFlight.GetInt64() > 0)
        {
            moving.Add($"{inFlight.GetInt64()} provider calls in flight at the sandbox");
        }

        try
        {
            var unsent = await database.UnsentOutboxAsync();
            if (unsent > 0)
            {
                moving.Add($"{unsent} unsent outbox messages");
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            moving.Add("database busy: " + e.SqliteErrorCode);
        }

        try
        {
            var queued = (await cluster.QueueDepthsAsync()).Where(queue => !queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Value > 0).ToList();
            if (queued.Count > 0)
            {
                moving.Add("queued: " + string.Join(", ", queued.Select(queue => $"{queue.Key} {queue.Value}")));
            }
        }
        catch (InvalidOperationException e)
        {
            moving.Add(e.Message);
        }

        var waiting = ledger.RefundRequests.Keys.Count(id => !events.Saw(EventKinds.RefundOutcome, id.ToString()));
        if (waiting > 0)
        {
            moving.Add($"{waiting} refund requests without an outcome");
        }

        return string.Join("; ", moving);
    }
}
