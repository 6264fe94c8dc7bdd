using Microsoft.Extensions.Options;
using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Payments;

/// <summary>The payments Payguru knows, by merchant and merchant order: a refund needs one.</summary>
public sealed class PaymentBook(IOptions<SandboxOptions> options)
{
    readonly Lock gate = new();
    readonly Dictionary<(string Merchant, string Order), Payment> latest = [];

    // Transaction ids keep counting across resets, as a provider's would.
    long lastTxid = options.Value.FirstTxid - 1;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return latest.Count;
            }
        }
    }

    public long NextTxid() => Interlocked.Increment(ref lastTxid);

    public void Record(Payment payment)
    {
        lock (gate)
        {
            latest[(payment.MerchantId, payment.Order)] = payment;
        }
    }

    /// <summary>The latest payment of the merchant's order, or null.</summary>
    public Payment? Find(string merchantId, string order)
    {
        lock (gate)
        {
            return latest.GetValueOrDefault((merchantId, order));
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            latest.Clear();
        }
    }
}
