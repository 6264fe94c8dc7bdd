using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Hostile;

/// <summary>A genuine callback of one kind (a §7 vector signed for DEMO) and the fields its key is computed over.</summary>
public sealed record GenuineCallback(string Kind, string Path, Func<Dictionary<string, string>> Fields, string[] SignedFields)
{
    /// <summary>Every kind of callback Payguru sends: each publishes (or, <c>verify</c>, asks) once when genuine.</summary>
    public static readonly GenuineCallback[] All =
    [
        new("payment", PaymentNotifications.Path, PaymentNotifications.Demo, ["txid", "code", "order", "amount", "key"]),
        new("refund", RefundNotifications.Path, RefundNotifications.Paid, ["refund_id", "code", "order", "amount", "bank_code", "key"]),
        new("identity verified", IdentityCalls.Path, () => IdentityCalls.Demo("verified"), ["order", "key"]),
        new("identity verify", IdentityCalls.Path, () => IdentityCalls.Demo("verify"), ["order", "key"]),
    ];

    /// <summary>The callback in <paramref name="form"/>, every value a string (a JSON body too).</summary>
    public HttpRequestMessage Request(NotificationForm form, IReadOnlyDictionary<string, string> fields) =>
        CallbackRequests.Request(Path, form, fields, []);

    public override string ToString() => Kind;
}
