using System.Text.Json;

namespace Payguru.Testing;

/// <summary>The counters of <c>GET /_sandbox/stats</c> that tests look at.</summary>
public sealed record SandboxStats(JsonElement Json)
{
    public int Calls(string endpoint) => Json.GetProperty("calls").GetProperty(endpoint).GetInt32();

    public int CreateCalls => Calls("refund/create");

    public int GetTokenCalls => Calls("getToken");

    public int GetByOrderCalls => Calls("refund/getByOrder");

    public int RefundsCreated => Json.GetProperty("refundsCreated").GetInt32();

    public int TokensIssued => Json.GetProperty("tokensIssued").GetInt32();

    /// <summary>Calls still being handled (a latency or hold fault included).</summary>
    public long CallsInFlight => Json.GetProperty("callsInFlight").GetInt64();

    public override string ToString() => Json.GetRawText();
}
