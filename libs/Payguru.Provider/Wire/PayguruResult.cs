using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire;

/// <summary>Payguru's result envelope, <c>{"status": "000", "message": "Success", ...}</c>, shared by every answer.</summary>
public class PayguruResult
{
    // First, as in Payguru's samples; the answers' own fields follow.
    [JsonPropertyName("status")]
    [JsonPropertyOrder(-2)]
    public string Status { get; init; } = "";

    [JsonPropertyName("message")]
    [JsonPropertyOrder(-1)]
    public string? Message { get; init; }

    [JsonIgnore]
    public bool IsSuccess => Status == PayguruStatusCodes.Success;
}
