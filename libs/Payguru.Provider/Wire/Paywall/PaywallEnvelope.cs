using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>Paywall's response envelope; some answers also carry <c>ErrorCodeType</c> and <c>ErrorMessage</c>.</summary>
public sealed class PaywallEnvelope<TBody>
    where TBody : class
{
    [JsonPropertyName("ErrorCodeType")]
    public int? ErrorCodeType { get; init; }

    [JsonPropertyName("ErrorMessage")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("ErrorCode")]
    public int ErrorCode { get; init; }

    [JsonPropertyName("Result")]
    public bool Result { get; init; }

    [JsonPropertyName("Message")]
    public string? Message { get; init; }

    [JsonPropertyName("Body")]
    public TBody? Body { get; init; }

    [JsonIgnore]
    public bool IsSuccess => ErrorCode == 0 && Result;
}
