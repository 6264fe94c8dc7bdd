namespace Payguru.Sandbox.Refunds;

/// <summary>The bank that paid a refund back and its receipt; filled when the refund reaches status 3.</summary>
public sealed record RefundBank(long Id, string Name, string Code, string No, string ReceiptNo)
{
    /// <summary>The bank of the seed's sample (Ziraat, bank number 0010); the receipt number is made from the refund id.</summary>
    public static RefundBank Default(long refundId) => new(1, "Ziraat", "ziraatbank", "10", $"DEKONT{refundId}");
}
