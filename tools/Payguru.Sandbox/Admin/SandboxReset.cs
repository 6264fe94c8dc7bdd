using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Paywall;
using Payguru.Sandbox.Refunds;
using Payguru.Sandbox.Settings;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Tokens;

namespace Payguru.Sandbox.Admin;

/// <summary>
/// Back to a fresh start between tests: no tokens, payments, refunds, members, counters or pending
/// callbacks; settings and faults as configured. Ids keep counting, so none is ever handed out twice.
/// </summary>
public sealed class SandboxReset(
    TokenBook tokens,
    PaymentBook payments,
    RefundBook refunds,
    PaywallBook paywall,
    FaultBook faults,
    SandboxSettings settings,
    CallbackDispatcher callbacks,
    SandboxStats stats,
    ILogger<SandboxReset> logger)
{
    public void Reset()
    {
        callbacks.Reset();
        faults.Reset();
        settings.Reset();
        tokens.Reset();
        payments.Reset();
        refunds.Reset();
        paywall.Reset();
        stats.Reset();
        logger.LogInformation("Reset: state, counters and pending callbacks cleared; settings and faults as configured");
    }
}
