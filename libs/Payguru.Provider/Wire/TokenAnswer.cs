using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire;

public sealed class TokenAnswer : PayguruResult
{
    [JsonPropertyName("token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    // The token is a credential: keep it out of anything that prints the answer.
    public override string ToString() => $"TokenAnswer {{ Status = {Status}, Message = {Message} }}";
}
