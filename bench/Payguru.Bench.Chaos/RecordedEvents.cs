using System.Collections.Concurrent;

namespace Payguru.Bench.Chaos;

/// <summary>
/// Every event the recording subscriber saw, by kind and by the fact it reports (a txid, a refund request, a refund id
/// and status, an order), with the distinct message ids each fact came with and how often each came: a redelivery has
/// the same id (at least once is promised), a second id for one fact is a duplicate the subscribers could not drop.
/// </summary>
public sealed class RecordedEvents
{
    readonly ConcurrentDictionary<(string Kind, string Fact), ConcurrentDictionary<Guid, int>> _seen = new();

    public long Deliveries => _seen.Values.Sum(ids => ids.Values.Sum());

    public void Record(string kind, string fact, Guid messageId) =>
        _seen.GetOrAdd((kind, fact), _ => new ConcurrentDictionary<Guid, int>()).AddOrUpdate(messageId, 1, (_, count) => count + 1);

    public bool Saw(string kind, string fact) => _seen.ContainsKey((kind, fact));

    /// <summary>The distinct message ids the fact came with (0: never seen).</summary>
    public int MessageIds(string kind, string fact) => _seen.TryGetValue((kind, fact), out var ids) ? ids.Count : 0;

    public IEnumerable<string> Facts(string kind) => _seen.Keys.Where(key => key.Kind == kind).Select(key => key.Fact);

    public async Task<bool> WaitForAsync(string kind, string fact, TimeSpan patience, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + patience;
        while (!Saw(kind, fact))
        {
            if (DateTime.UtcNow > until || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return true;
    }
}

/// <summary>The kinds <see cref="RecordedEvents"/> keeps apart.</summary>
public static class EventKinds
{
    public const string PaymentAccepted = "PaymentAccepted";
    public const string RefundOutcome = "RefundOutcome";
    public const string RefundSubmitted = "RefundSubmitted";
    public const string RefundSettled = "RefundSettled";
    public const string IdentityRegistration = "IdentityRegistration";
    public const string IdentityResult = "IdentityResult";
}
