using Microsoft.Extensions.Http.Resilience;

namespace Payguru.Provider.Client;

/// <summary>
/// The standard resilience handler as every provider client (Payguru, Paywall) uses it: each attempt
/// bounded by the provider's request timeout, the whole call by three attempts and a margin, and no
/// retry of an unsafe method, since a refund or member create is not idempotent (invariant 5, docs/architecture.md).
/// </summary>
public static class ProviderResilience
{
    public static void Configure(HttpStandardResilienceOptions resilience, TimeSpan requestTimeout)
    {
        resilience.AttemptTimeout.Timeout = requestTimeout;
        resilience.TotalRequestTimeout.Timeout = requestTimeout * 3 + TimeSpan.FromSeconds(5);
        resilience.CircuitBreaker.SamplingDuration = requestTimeout * 2 > TimeSpan.FromSeconds(30) ? requestTimeout * 2 : TimeSpan.FromSeconds(30);
        resilience.Retry.DisableForUnsafeHttpMethods();
    }
}
