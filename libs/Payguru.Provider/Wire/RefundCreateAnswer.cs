using System.Text.Json.Serialization;
using Payguru.Provider.Wire.Json;

namespace Payguru.Provider.Wire;

/// <summary>The answer of <c>/phs/refund/create</c>: the envelope plus <c>refund_id</c> on success.</summary>
public sealed class RefundCreateAnswer : PayguruResult
{
    /// <summary>
    /// Payguru's refund id. The document's table says integer, its sample sends a string
    /// (<c>"123412345678"</c>): both are read, and kept as the text that came.
    /// </summary>
    [JsonPropertyName("refund_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(WireTextConverter))]
    public string? RefundId { get; init; }
}
