using System.Globalization;
using Payguru.Provider.Signing;
using Payguru.Contracts.Payments;

namespace Payguru.Bench;

/// <summary>
/// One accepted payment as the benchmark sends it: as a signed Payguru notification to the
/// gateway, and as the <see cref="PaymentAccepted"/> the baseline publishes directly.
/// </summary>
public sealed record BenchPayment(long Txid, string Code, string Order, string AmountText, DateTimeOffset TransactionTime, string Bank)
{
    public const int AcceptedStatus = 3;

    // Payguru sends Turkey time without an offset.
    static readonly TimeSpan TurkeyOffset = TimeSpan.FromHours(3);

    public static BenchPayment Create(long txid, DateTimeOffset now) =>
        new(txid, $"PG-{txid}", $"BENCH-{txid}", "10.50", now.ToOffset(TurkeyOffset), "ziraatbank");

    /// <summary>The GET path and query Payguru would call, signed with the demo credentials.</summary>
    public string NotificationPathAndQuery()
    {
        var txid = Txid.ToString(CultureInfo.InvariantCulture);
        var key = PayguruKeys.PaymentNotify(DemoCredentials.Service, DemoCredentials.Merchant, txid, Code, Order, AmountText);
        var date = TransactionTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return "/PhsNotifyService" +
            $"?txid={txid}&code={Escape(Code)}&order={Escape(Order)}&status={AcceptedStatus}" +
            $"&amount={Escape(AmountText)}&transaction_date={Escape(date)}&bank={Escape(Bank)}&key={key}";
    }

    public PaymentAccepted ToMessage() => new(
        Txid, Code, Order, decimal.Parse(AmountText, CultureInfo.InvariantCulture), AmountText,
        AcceptedStatus, TransactionTime, Bank, DemoCredentials.Service.Code);

    static string Escape(string value) => Uri.EscapeDataString(value);
}
