using Payguru.Contracts.Refunds;

namespace Payguru.Bench.Refunds;

/// <summary>
/// The refund requests of a run. Request i refunds 1.00 of order <c>BENCH-(i mod orders)</c>; the
/// warm-up takes indexes 0..W-1 and the measured load the next N. Every order has a payment in the
/// sandbox (refund/create refuses an order it does not know); the processor knows of none (the
/// benchmark sends no PaymentAccepted), so its over-refund check does not apply.
/// </summary>
public sealed class BenchRefunds(int orders)
{
    // A valid IBAN (the sandbox's and the tests' demo one); the sandbox does not check IBANs, the processor does.
    const string Iban = "TR800011100000000036888459";

    /// <summary>What each seeded payment is worth; the sandbox does not compare refunds with it.</summary>
    public const string PaymentAmount = "100000.00";

    public IReadOnlyList<string> Orders { get; } = [.. Enumerable.Range(0, orders).Select(OrderName)];

    public RequestRefund Request(int index) =>
        new(Guid.NewGuid(), OrderName(index % orders), null, null, 1.00m, "Bench Customer", Iban, "benchmark");

    static string OrderName(int i) => $"BENCH-{i}";
}
