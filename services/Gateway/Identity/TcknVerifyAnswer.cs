using System.Text.Json.Serialization;

namespace Payguru.Gateway.Identity;

/// <summary>
/// The answer to a <c>verify</c> call, as docs/protocol.md §3 shapes it: <c>{"status":true,"tckn":"&lt;md5&gt;"}</c>
/// or <c>{"status":false,"tckn":null}</c>.
/// </summary>
public sealed record TcknVerifyAnswer(
    [property: JsonPropertyName("status")] bool Status,
    [property: JsonPropertyName("tckn")] string? Tckn)
{
    public static readonly TcknVerifyAnswer Unknown = new(false, null);

    // The hash stands for a TCKN (11 digits with check digits can be tried out against a known service key): never print it.
    public override string ToString() => $"TcknVerifyAnswer {{ Status = {Status} }}";
}
