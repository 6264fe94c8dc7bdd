using System.Text.Json.Serialization;
using Payguru.Provider.Wire.Json;

namespace Payguru.Provider.Wire;

public sealed class RefundCreateAnswer : PayguruResult
{
    // The document's table says integer, its sample sends a string: both are read, kept as the text that came.
    [JsonPropertyName("refund_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(WireTextConverter))]
    public string? RefundId { get; init; }
}
