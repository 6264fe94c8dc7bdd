using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire;

/// <summary>The answer of <c>/phs/getToken</c>: the envelope plus <c>token</c> on success.</summary>
public sealed class TokenAnswer : PayguruResult
{
    /// <summary>The API token, e.g. <c>{3E53E639-5173-D1B6-9368-68FCBCF72342}</c>; absent on errors.</summary>
    [JsonPropertyName("token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    // The token is a credential: keep it out of anything that prints the answer.
    public override string ToString() => $"TokenAnswer {{ Status = {Status}, Message = {Message} }}";
}
