using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>Paywall's response envelope; some answers also carry <c>ErrorCodeType</c> and <c>ErrorMessage</c>.</summary>
public sealed record PaywallEnvelope<TBody>(
    [property: JsonPropertyName("ErrorCodeType")] int? ErrorCodeType = null,
    [property: JsonPropertyName("ErrorMessage")] string? ErrorMessage = null,
    [property: JsonPropertyName("ErrorCode")] int ErrorCode = 0,
    [property: JsonPropertyName("Result")] bool Result = false,
    [property: JsonPropertyName("Message")] string? Message = null,
    [property: JsonPropertyName("Body")] TBody? Body = null)
    where TBody : class
{
    [JsonIgnore]
    public bool IsSuccess => ErrorCode == 0 && Result;
}
