using Payguru.Provider.Signing;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>Payguru's calls of <c>/TCKNVerifyService</c> (docs/protocol.md §3), signed as Payguru signs them.</summary>
public static class IdentityCalls
{
    public const string Path = "/TCKNVerifyService";

    /// <summary>docs/protocol.md §7 "TCKN verify key": order ORDER-1001 for DEMO.</summary>
    public const string DemoKey = "308b6874973ce4d19c9ca6215686c564";

    /// <summary>docs/protocol.md §7: a valid TCKN and its answer for DEMO, md5(TCKN + "sk-secret").</summary>
    public const string Tckn = "10000000146";

    public const string DemoAnswer = "83fcc8be5da2c8bf544b52a5c9c0961b";

    public static readonly DateTimeOffset DemoTransactionTime = new(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3));

    /// <summary>The numeric fields, written as JSON numbers when a test sends them so.</summary>
    public static readonly string[] JsonNumbers = ["txid", "amount", "bank_no"];

    /// <summary>A call about ORDER-1001 (the §7 vector) with <paramref name="notificationType"/>, signed for DEMO.</summary>
    public static Dictionary<string, string> Demo(string notificationType) => new()
    {
        ["txid"] = "28120",
        ["code"] = "PG-8F2K1",
        ["order"] = "ORDER-1001",
        ["amount"] = "10.50",
        ["transaction_date"] = "2018-01-18 13:48:39",
        ["bank"] = "ziraatbank",
        ["bank_no"] = "10",
        ["key"] = DemoKey,
        ["notification_type"] = notificationType,
    };

    /// <summary>The fields with a genuine key for <paramref name="serviceCode"/>, signed over the order as it is.</summary>
    public static Dictionary<string, string> WithKeyFor(this Dictionary<string, string> fields, string serviceCode, string serviceKey)
    {
        fields["key"] = PayguruKeys.TcknVerify(
            new ServiceSecret(serviceCode, serviceKey), new MerchantSecret(GatewayFactory.MerchantId, GatewayFactory.MerchantKey), fields["order"]);
        return fields;
    }

    public static HttpRequestMessage Request(NotificationForm form, IReadOnlyDictionary<string, string> fields) =>
        CallbackRequests.Request(Path, form, fields, JsonNumbers);
}
