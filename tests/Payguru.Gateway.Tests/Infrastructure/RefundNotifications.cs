using Payguru.Provider.Signing;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>Refund notifications as Payguru sends them to <c>/PhsRefundNotifyService</c> (docs/protocol.md §5).</summary>
public static class RefundNotifications
{
    public const string Path = "/PhsRefundNotifyService";

    /// <summary>docs/protocol.md §7 "refund notify": refund 13 of ORDER-1001, 0.50 to ziraatbank, for DEMO.</summary>
    public const string DemoKey = "91a90fc611ac9bf13c374fc62ce9baee";

    /// <summary>Personal data the notification carries and the gateway must never repeat.</summary>
    public const string DemoIban = "TR800011100000000036888459";

    public const string DemoContact = "Ayşe Yılmaz";

    public static readonly DateTimeOffset DemoRefundTime = new(2018, 1, 19, 10, 15, 0, TimeSpan.FromHours(3));

    public static readonly DateTimeOffset DemoCreateTime = new(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3));

    /// <summary>The §7 "refund notify" vector: refund 13 paid back (status 3) through ziraatbank, signed for DEMO.</summary>
    public static Dictionary<string, string> Paid() => new()
    {
        ["refund_id"] = "13",
        ["code"] = "PG-8F2K1",
        ["order"] = "ORDER-1001",
        ["status"] = "3",
        ["amount"] = "0.50",
        ["refund_contact"] = DemoContact,
        ["refund_iban"] = DemoIban,
        ["refund_date"] = "2018-01-19 10:15:00",
        ["create_time"] = "2018-01-18 13:48:39",
        ["bank_no"] = "10",
        ["bank_id"] = "10",
        ["bank_name"] = "Ziraat",
        ["bank_code"] = "ziraatbank",
        ["bank_receipt_no"] = "DEKONT13",
        ["key"] = DemoKey,
    };

    /// <summary>Refund 13 not yet paid (status 2): the bank fields empty, as the sandbox sends them, signed for DEMO over the empty bank code.</summary>
    public static Dictionary<string, string> Unpaid()
    {
        var fields = Paid();
        fields["status"] = "2";
        fields["refund_date"] = "";
        fields["bank_no"] = "";
        fields["bank_id"] = "";
        fields["bank_name"] = "";
        fields["bank_code"] = "";
        fields["bank_receipt_no"] = "";
        return Sign(fields, GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);
    }

    /// <summary>The fields with a genuine key for <paramref name="serviceCode"/>, signed over their texts as they are (a missing bank code as "").</summary>
    public static Dictionary<string, string> Sign(Dictionary<string, string> fields, string serviceCode, string serviceKey)
    {
        fields["key"] = PayguruKeys.RefundNotify(
            new ServiceSecret(serviceCode, serviceKey),
            new MerchantSecret(GatewayFactory.MerchantId, GatewayFactory.MerchantKey),
            fields["refund_id"], fields["code"], fields["order"], fields["amount"], fields.GetValueOrDefault("bank_code", ""));
        return fields;
    }

    public static HttpRequestMessage Request(
        NotificationForm form, IReadOnlyDictionary<string, string> fields, params IReadOnlyCollection<string> jsonNumbers) =>
        CallbackRequests.Request(Path, form, fields, jsonNumbers);

    public static HttpRequestMessage JsonRequest(string json) => CallbackRequests.JsonRequest(Path, json);

    public static string JsonBody(IReadOnlyDictionary<string, string> fields, params IReadOnlyCollection<string> jsonNumbers) =>
        CallbackRequests.JsonBody(fields, jsonNumbers);
}
