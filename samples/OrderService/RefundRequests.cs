using System.Security.Cryptography;
using System.Text;

namespace OrderService;

/// <summary>The idempotency keys this service gives its refund commands.</summary>
public static class RefundRequests
{
    // This service's own namespace for name-based ids. Changing it changes every id, and a redelivered
    // payment would then ask for a second refund: never change it.
    private static readonly Guid Namespace = new("0b6c2a51-7f3e-4d8a-9c1e-5a4f2e8d7b63");

    /// <summary>
    /// The <see cref="RequestRefund.RefundRequestId"/> of the refund this service asks for when payment
    /// <paramref name="txid"/> is accepted: the same for every copy of that <c>PaymentAccepted</c>, so a
    /// redelivery asks again with the same key and the processor makes no second refund.
    /// </summary>
    public static Guid ForPayment(long txid) => NameBasedGuid($"refund-on-payment:{txid}");

    // RFC 9562 version 5 (SHA-1) UUID of Namespace and name.
    private static Guid NameBasedGuid(string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
