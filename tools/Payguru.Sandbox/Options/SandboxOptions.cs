using Payguru.Sandbox.Faults;

namespace Payguru.Sandbox.Options;

/// <summary>
/// The sandbox's settings, bound from the <c>Sandbox</c> section. The demo merchant lives in
/// appsettings.json rather than here: the binder appends configured list items to code defaults.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary><c>Sandbox:Merchants</c>: the merchants Payguru knows, each with its keys and services.</summary>
    public List<MerchantOptions> Merchants { get; set; } = [];

    /// <summary><c>Sandbox:TokenLifetime</c>: how long a token from <c>/phs/getToken</c> works (Payguru does not say).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>Sandbox:NewTokenInvalidatesPrevious</c>: a new token ends the merchant's earlier ones.
    /// On by default: it is the harsher case for a client sharing one token.
    /// </summary>
    public bool NewTokenInvalidatesPrevious { get; set; } = true;

    /// <summary><c>Sandbox:FirstTxid</c>: the first transaction id <c>/phs/transaction/test</c> hands out.</summary>
    public long FirstTxid { get; set; } = 28120;

    /// <summary><c>Sandbox:FirstRefundId</c>: the first refund id. Ids keep counting across resets, as a provider's would.</summary>
    public long FirstRefundId { get; set; } = 1;

    public CallbackOptions Callbacks { get; set; } = new();

    public PaywallOptions Paywall { get; set; } = new();

    /// <summary><c>Sandbox:Faults</c>: faults active from the start (and again after a reset).</summary>
    public List<FaultSpec> Faults { get; set; } = [];
}
