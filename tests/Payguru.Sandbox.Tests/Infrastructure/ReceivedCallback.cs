using System.Text.Json;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>
/// One notification the fake merchant received: where, how, its fields as the text that travelled
/// (and, when they came as JSON, the JSON kind of each),
/// whether its key checked out, and what the merchant answered.
/// </summary>
public sealed record ReceivedCallback(
    string Path,
    string Method,
    string? ContentType,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, JsonValueKind> JsonKinds,
    bool KeyValid,
    string Answer,
    DateTimeOffset ReceivedAt)
{
    public string this[string name] => Fields[name];

    public bool IsPayment => Path == FakeMerchant.PaymentPath;

    public bool IsRefund => Path == FakeMerchant.RefundPath;

    public bool IsIdentity => Path == FakeMerchant.IdentityPath;

    public override string ToString() => $"{Method} {Path} ({string.Join(", ", Fields.Where(f => f.Key != "key").Select(f => $"{f.Key}={f.Value}"))}) -> {Answer}";
}
