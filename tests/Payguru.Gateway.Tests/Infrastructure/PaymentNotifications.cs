using Payguru.Provider.Signing;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>Payment notifications as Payguru sends them to <c>/PhsNotifyService</c>.</summary>
public static class PaymentNotifications
{
    public const string Path = "/PhsNotifyService";

    /// <summary>docs/protocol.md §7 "payment notify": the key of this notification for DEMO.</summary>
    public const string DemoKey = "72d303c25fef52ce6b3d3def255e7265";

    /// <summary>docs/protocol.md §7 "payment notify, non-ASCII": the key of this notification for DEMO.</summary>
    public const string NonAsciiDemoKey = "b2e283cde8d014d36586dc7955c6d609";

    public static readonly DateTimeOffset DemoTransactionTime = new(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3));

    /// <summary>The §7 "payment notify" vector with status 3, signed for DEMO.</summary>
    public static Dictionary<string, string> Demo() => new()
    {
        ["txid"] = "28120",
        ["code"] = "PG-8F2K1",
        ["order"] = "ORDER-1001",
        ["status"] = "3",
        ["amount"] = "10.50",
        ["transaction_date"] = "2018-01-18 13:48:39",
        ["bank"] = "ziraatbank",
        ["key"] = DemoKey,
    };

    /// <summary>The §7 "payment notify, non-ASCII" vector with status 3, signed for DEMO.</summary>
    public static Dictionary<string, string> NonAsciiDemo() => new()
    {
        ["txid"] = "28121",
        ["code"] = "PG-ÇĞŞ",
        ["order"] = "SİPARİŞ-1",
        ["status"] = "3",
        ["amount"] = "1.00",
        ["transaction_date"] = "2018-01-18 13:48:39",
        ["bank"] = "ziraatbank",
        ["key"] = NonAsciiDemoKey,
    };

    /// <summary>The fields with a genuine key for <paramref name="serviceCode"/>, signed over their texts as they are.</summary>
    public static Dictionary<string, string> SignedFor(this Dictionary<string, string> fields, string serviceCode, string serviceKey)
    {
        fields["key"] = PayguruKeys.PaymentNotify(
            new ServiceSecret(serviceCode, serviceKey),
            new MerchantSecret(GatewayFactory.MerchantId, GatewayFactory.MerchantKey),
            fields["txid"], fields["code"], fields["order"], fields["amount"]);
        return fields;
    }

    /// <summary>
    /// A request carrying <paramref name="fields"/>: a GET with a UTF-8 URL-encoded query, a POST form,
    /// or a POST JSON object whose <paramref name="jsonNumbers"/> are written as JSON numbers (raw, as given).
    /// </summary>
    public static HttpRequestMessage Request(
        NotificationForm form, IReadOnlyDictionary<string, string> fields, params IReadOnlyCollection<string> jsonNumbers) =>
        CallbackRequests.Request(Path, form, fields, jsonNumbers);

    public static HttpRequestMessage JsonRequest(string json) => CallbackRequests.JsonRequest(Path, json);

    /// <summary>A JSON object of the fields; non-ASCII text is written as UTF-8, not as \u escapes, unless <paramref name="escapeNonAscii"/>.</summary>
    public static string JsonBody(IReadOnlyDictionary<string, string> fields, IReadOnlyCollection<string> jsonNumbers, bool escapeNonAscii = false) =>
        CallbackRequests.JsonBody(fields, jsonNumbers, escapeNonAscii);
}
