using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire;

/// <summary>
/// The answer of <c>/phs/refund/getByOrder</c>: the envelope plus every refund of the order in
/// <c>data</c> (an order can have several). Null on errors.
/// </summary>
public sealed class RefundsByOrderAnswer : PayguruResult
{
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RefundDetail>? Data { get; init; }
}
