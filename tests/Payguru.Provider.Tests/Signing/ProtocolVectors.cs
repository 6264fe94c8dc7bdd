using Payguru.Provider.Signing;

namespace Payguru.Provider.Tests.Signing;

/// <summary>The inputs and keys of docs/protocol.md §7, computed independently of the project.</summary>
static class ProtocolVectors
{
    public static readonly MerchantSecret Merchant = new("123", "mk-secret");

    public static readonly ServiceSecret Demo = new("DEMO", "sk-secret");

    /// <summary>Token key: merchant 123, ip 123.123.123.123, merchant key "MERCHANT KEY".</summary>
    public const string TokenKey = "477a24573ae989f115e0e24b4f60cf53";

    /// <summary>Payment notify: txid 28120, code PG-8F2K1, order ORDER-1001, amount "10.50".</summary>
    public const string PaymentNotifyKey = "72d303c25fef52ce6b3d3def255e7265";

    /// <summary>The same payment notification with the amount written "10.5".</summary>
    public const string PaymentNotifyShortAmountKey = "d73d8894cdfdfb7dad4106dda77abd4f";

    /// <summary>Payment notify, non-ASCII: txid 28121, code PG-ÇĞŞ, order SİPARİŞ-1, amount "1.00".</summary>
    public const string PaymentNotifyNonAsciiKey = "b2e283cde8d014d36586dc7955c6d609";

    /// <summary>TCKN verify key: order ORDER-1001.</summary>
    public const string TcknVerifyKey = "308b6874973ce4d19c9ca6215686c564";

    /// <summary>TCKN answer: TCKN 10000000146.</summary>
    public const string TcknAnswerKey = "83fcc8be5da2c8bf544b52a5c9c0961b";

    /// <summary>Refund notify: refund id 13, code PG-8F2K1, order ORDER-1001, amount "0.50", bank code ziraatbank.</summary>
    public const string RefundNotifyKey = "91a90fc611ac9bf13c374fc62ce9baee";
}
