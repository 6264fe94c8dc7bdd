namespace Payguru.Gateway.Options;

/// <summary>The gateway's own settings, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// <c>Gateway:PublishTimeout</c>: how long a callback waits for the broker to confirm its
    /// message before answering 503 (so Payguru retries). Well under Payguru's own timeout.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Gateway:QueryTimeout</c>: how long <c>GET /refunds/{id}</c> waits for the refund
    /// processor's answer before answering 504.
    /// </summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Gateway:ClientTokenTimeout</c>: how long <c>POST /client-tokens</c> waits for the processor's
    /// answer (which waits for Paywall, up to twice <c>Paywall:RequestTimeout</c>) before answering 504.
    /// </summary>
    public TimeSpan ClientTokenTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// <c>Gateway:IdentityTimeout</c>: how long Payguru's <c>verify</c> call waits for the refund processor's
    /// answer before it is answered <c>{"status":false,"tckn":null}</c>. Well under Payguru's own timeout,
    /// so Payguru always reads an answer.
    /// </summary>
    public TimeSpan IdentityTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <c>Gateway:ApiKeys</c>: keys that internal services present in <c>X-Api-Key</c> to the
    /// gateway's command endpoints (the refund HTTP API). With none configured, that API
    /// refuses every request (401).
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];
}
