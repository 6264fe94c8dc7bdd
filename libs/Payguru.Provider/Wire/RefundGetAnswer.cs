using System.Text.Json.Serialization;
using Payguru.Provider.Wire.Json;

namespace Payguru.Provider.Wire;

public sealed class RefundGetAnswer : PayguruResult
{
    // The document's table says an array, its sample shows one object: both are read; one refund is written as the sample.
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(SingleOrArrayConverter<RefundDetail>))]
    public IReadOnlyList<RefundDetail>? Data { get; init; }
}
