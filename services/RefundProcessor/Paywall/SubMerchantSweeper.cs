using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>The sweep of sub-merchant registrations: accepted ones never started, and expired member calls.</summary>
public sealed class SubMerchantSweeper(
    SubMerchantStore store, IServiceScopeFactory scopes, IOptions<SubMerchantOptions> options, TimeProvider clock, ILogger<SubMerchantSweeper> logger)
    : AttemptSweeper<SubMerchantRegistrar, string>(store.SweepableAsync, scopes, () => options.Value.SweepInterval, clock, logger);
