using System.Text.Json.Serialization;
using Payguru.Provider.Wire.Json;

namespace Payguru.Provider.Wire;

/// <summary>The answer of <c>/phs/refund/get</c>: the envelope plus the refund in <c>data</c>.</summary>
public sealed class RefundGetAnswer : PayguruResult
{
    /// <summary>
    /// The document's table says <c>data</c> is an array, its sample shows one object: both are
    /// read into a list. Written as an object when it holds exactly one refund, as the sample.
    /// Null on errors.
    /// </summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(SingleOrArrayConverter<RefundDetail>))]
    public IReadOnlyList<RefundDetail>? Data { get; init; }
}
