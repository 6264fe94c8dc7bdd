using Payguru.Provider.Signing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>A payment notification as Payguru sends it, signed with the demo credentials.</summary>
public sealed record SignedNotification(long Txid, string Order, string Amount = "10.50", int Status = 3)
{
    static readonly MerchantSecret Merchant = new("123", "mk-secret");
    static readonly ServiceSecret Demo = new("DEMO", "sk-secret");

    public string Code => $"PG-{Txid}";

    public IReadOnlyDictionary<string, string> Fields => new Dictionary<string, string>
    {
        ["txid"] = Txid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["code"] = Code,
        ["order"] = Order,
        ["status"] = Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["amount"] = Amount,
        ["transaction_date"] = "2018-01-18 13:48:39",
        ["bank"] = "ziraatbank",
        ["key"] = PayguruKeys.PaymentNotify(Demo, Merchant, Txid.ToString(System.Globalization.CultureInfo.InvariantCulture), Code, Order, Amount),
    };

    public string PathAndQuery =>
        "/PhsNotifyService?" + string.Join('&', Fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

    public HttpContent Form => new FormUrlEncodedContent(Fields);

    public HttpContent Json => System.Net.Http.Json.JsonContent.Create(Fields);
}
