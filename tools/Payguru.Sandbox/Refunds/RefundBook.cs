using Microsoft.Extensions.Options;
using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Refunds;

/// <summary>
/// Every refund, by id and by merchant order, and which status of each the merchant was last told
/// about (the end-of-day call reports the ones that changed since).
/// </summary>
public sealed class RefundBook(IOptions<SandboxOptions> options)
{
    readonly Lock gate = new();
    readonly Dictionary<long, Refund> byId = [];
    readonly Dictionary<(string Merchant, string Order), List<long>> byOrder = [];
    readonly Dictionary<long, int> reportedStatus = [];

    // Refund ids keep counting across resets: a provider never hands out an id twice.
    long lastId = options.Value.FirstRefundId - 1;

    /// <summary>Stores a new refund (status 1) with the next id; <paramref name="create"/> builds it from that id.</summary>
    public Refund Create(Func<long, Refund> create)
    {
        var refund = create(Interlocked.Increment(ref lastId));
        lock (gate)
        {
            byId[refund.Id] = refund;
            reportedStatus[refund.Id] = refund.Status;
            var key = (refund.MerchantId, refund.Order);
            if (!byOrder.TryGetValue(key, out var ids))
            {
                byOrder[key] = ids = [];
            }

            ids.Add(refund.Id);
        }

        return refund;
    }

    /// <summary>The refund with this id if it belongs to the merchant, else null.</summary>
    public Refund? Find(string merchantId, long id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var refund) && refund.MerchantId == merchantId ? refund : null;
        }
    }

    /// <summary>The merchant's refunds of an order, oldest first.</summary>
    public IReadOnlyList<Refund> ByOrder(string merchantId, string order)
    {
        lock (gate)
        {
            return byOrder.TryGetValue((merchantId, order), out var ids) ? ids.Select(id => byId[id]).ToList() : [];
        }
    }

    /// <summary>Replaces the refund with <paramref name="change"/>'s result; null when there is no such refund.</summary>
    public Refund? Update(long id, Func<Refund, Refund> change)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(id, out var refund))
            {
                return null;
            }

            return byId[id] = change(refund);
        }
    }

    /// <summary>Refunds not yet paid back (status 1 or 2).</summary>
    public IReadOnlyList<Refund> Open()
    {
        lock (gate)
        {
            return byId.Values.Where(r => r.Status is Refund.New or Refund.Updated).OrderBy(r => r.Id).ToList();
        }
    }

    /// <summary>Records that the merchant is being told about the refund's current status.</summary>
    public void MarkReported(Refund refund)
    {
        lock (gate)
        {
            reportedStatus[refund.Id] = refund.Status;
        }
    }

    /// <summary>The refunds whose status changed since the merchant was last told, marked as told now.</summary>
    public IReadOnlyList<Refund> TakeUnreported()
    {
        lock (gate)
        {
            var changed = byId.Values.Where(r => reportedStatus[r.Id] != r.Status).OrderBy(r => r.Id).ToList();
            foreach (var refund in changed)
            {
                reportedStatus[refund.Id] = refund.Status;
            }

            return changed;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            byId.Clear();
            byOrder.Clear();
            reportedStatus.Clear();
        }
    }
}
