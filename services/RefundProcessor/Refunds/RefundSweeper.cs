using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>The sweep of refunds: accepted ones never started, and expired create attempts.</summary>
public sealed class RefundSweeper(RefundStore store, IServiceScopeFactory scopes, IOptions<RefundOptions> options, TimeProvider clock, ILogger<RefundSweeper> logger)
    : AttemptSweeper<RefundSubmitter, Guid>(store.SweepableAsync, scopes, () => options.Value.SweepInterval, clock, logger);
