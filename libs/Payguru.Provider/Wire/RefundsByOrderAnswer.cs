using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire;

public sealed class RefundsByOrderAnswer : PayguruResult
{
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RefundDetail>? Data { get; init; }
}
