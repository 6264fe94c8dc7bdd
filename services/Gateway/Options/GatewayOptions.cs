namespace Payguru.Gateway.Options;

public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>How long a callback waits for the broker's confirm before answering 503 (so Payguru retries); well under Payguru's own timeout.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <c>GET /refunds/{id}</c> waits for the processor before answering 504.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The processor waits for Paywall, up to twice <c>Paywall:RequestTimeout</c>.</summary>
    public TimeSpan ClientTokenTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>After it Payguru's <c>verify</c> is answered <c>{"status":false,"tckn":null}</c>; well under Payguru's own timeout, so it always reads an answer.</summary>
    public TimeSpan IdentityTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Keys internal services present in <c>X-Api-Key</c> to the HTTP API; with none, it refuses every request (401).</summary>
    public List<string> ApiKeys { get; set; } = [];
}
