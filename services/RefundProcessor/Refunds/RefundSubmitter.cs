using System.Data.Common;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Refunds;
using Payguru.Provider.Client;
using Payguru.Provider.Configuration;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Makes the one <c>refund/create</c> of an accepted refund (invariant 5, docs/architecture.md) under an attempt
/// that owns the request until it expires, one per order at a time. The outcome is recorded with its event through
/// the outbox. An unknown outcome is looked up by order and the refund found there adopted; only when the order
/// shows none after <see cref="RefundOptions.RecheckAfter"/> is the refund created again.
/// </summary>
public sealed class RefundSubmitter(
    RefundStore store,
    RefundCreator creator,
    RefundLookup lookup,
    IPayguruTokenSource tokens,
    AttemptCompletion completion,
    ProcessorMetrics metrics,
    IOptions<RefundOptions> refundOptions,
    IOptions<PayguruOptions> payguruOptions,
    TimeProvider clock,
    ILogger<RefundSubmitter> logger) : IAttemptRunner<Guid>
{
    // The create call's deadline covers the token fetch, the create and the one resend after ERR_016.
    AttemptTiming Timing => new(payguruOptions.Value.RequestTimeout, refundOptions.Value.RecheckAfter);

    public async Task StartAsync(Guid requestId, CancellationToken cancellationToken)
    {
        // A token first: fetching one (or waiting for another instance's refresh) then takes none of the attempt's time.
        await tokens.GetTokenAsync(cancellationToken);
        var attemptId = AttemptIds.New();
        if (await store.TryStartAttemptAsync(requestId, attemptId, clock.GetUtcNow() + Timing.Lifetime, cancellationToken) is { } refund)
        {
            await CreateAsync(refund, attemptId, Timing.CallDeadline, cancellationToken);
        }
    }

    /// <summary>
    /// Starts the attempt of a refund just accepted in the decision's <paramref name="transaction"/>: the decision
    /// and the attempt are one write (docs/architecture.md, storage). Returns the create to run after the commit, or,
    /// when the order has another attempt in flight, the plain <see cref="StartAsync"/>.
    /// </summary>
    public async Task<Func<CancellationToken, Task>> StartWithDecisionAsync(DbTransaction transaction, RefundRecord refund)
    {
        var attemptId = AttemptIds.New();
        var startedAt = clock.GetUtcNow();
        if (!await store.TryStartAttemptAsync(transaction, refund.RequestId, attemptId, startedAt + Timing.Lifetime))
        {
            return cancellationToken => StartAsync(refund.RequestId, cancellationToken);
        }

        return cancellationToken => CreateStartedAsync(refund, attemptId, startedAt, cancellationToken);
    }

    // The attempt started with the decision, before the token was fetched: the create gets only what is
    // left of the attempt's call deadline. When the token took most of it, the attempt is given back
    // unsent and started afresh, so that the create never leaves past the deadline the attempt's
    // lifetime allows for (the same bound as StartAsync's).
    async Task CreateStartedAsync(RefundRecord refund, string attemptId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.GetTokenAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was sent: the refund is accepted again, for the sweep.
            await store.ReleaseAttemptAsync(refund.RequestId, attemptId, CancellationToken.None);
            throw;
        }

        var left = startedAt + Timing.CallDeadline - clock.GetUtcNow();
        if (left < payguruOptions.Value.RequestTimeout)
        {
            if (await store.ReleaseAttemptAsync(refund.RequestId, attemptId, cancellationToken))
            {
                await StartAsync(refund.RequestId, cancellationToken);
            }

            return;
        }

        await CreateAsync(refund, attemptId, left, cancellationToken);
    }

    public async Task ResumeAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var attemptId = AttemptIds.New();
        if (await store.TryTakeOverAttemptAsync(requestId, attemptId, clock.GetUtcNow() + Timing.Lifetime, cancellationToken) is not { } refund)
        {
            return;
        }

        switch (await LookUpAsync(refund, cancellationToken))
        {
            case LookupResult.Found found:
                await RecordSubmittedAsync(refund, attemptId, found.RefundId, adopted: true, cancellationToken);
                break;
            case LookupResult.NotFound:
                logger.LogInformation("Refund request {RefundRequestId}: order {Order} shows no refund of the earlier attempt; creating it again", refund.RequestId, refund.Order);
                await CreateAsync(refund, attemptId, Timing.CallDeadline, cancellationToken);
                break;
            default:
                await store.PostponeAttemptAsync(refund.RequestId, attemptId, clock.GetUtcNow() + refundOptions.Value.RecheckAfter, cancellationToken);
                break;
        }
    }

    async Task CreateAsync(RefundRecord refund, string attemptId, TimeSpan deadline, CancellationToken cancellationToken)
    {
        switch (await creator.CreateAsync(refund, deadline, cancellationToken))
        {
            case RefundCreateOutcome.Created created:
                await RecordSubmittedAsync(refund, attemptId, created.RefundId, adopted: false, cancellationToken);
                break;

            case RefundCreateOutcome.Refused refused:
                logger.LogWarning("Refund request {RefundRequestId} (order {Order}): Payguru refused the create with {ProviderCode} {ProviderMessage}",
                    refund.RequestId, refund.Order, refused.Code, refused.Message);
                await RecordRejectedAsync(refund, attemptId, refused, cancellationToken);
                break;

            case RefundCreateOutcome.Unknown unknown:
                logger.LogWarning("Refund request {RefundRequestId} (order {Order}): the outcome of refund/create is unknown ({Why}); looking the order up",
                    refund.RequestId, refund.Order, unknown.Why);
                if (await LookUpAsync(refund, cancellationToken) is LookupResult.Found found)
                {
                    await RecordSubmittedAsync(refund, attemptId, found.RefundId, adopted: true, cancellationToken);
                }
                else
                {
                    // Nothing to adopt yet: a slow Payguru may still make it. Look again later, create again only then.
                    await store.PostponeAttemptAsync(refund.RequestId, attemptId, clock.GetUtcNow() + refundOptions.Value.RecheckAfter, cancellationToken);
                    return;
                }

                break;
        }

        // The order's attempt ended: its next accepted refund may go.
        if (await store.NextAcceptedOfOrderAsync(refund.Order, cancellationToken) is { } next)
        {
            await StartAsync(next, cancellationToken);
        }
    }

    async Task<LookupResult> LookUpAsync(RefundRecord refund, CancellationToken cancellationToken)
    {
        try
        {
            return await lookup.FindCreatedAsync(refund, cancellationToken) is { } refundId
                ? new LookupResult.Found(refundId)
                : new LookupResult.NotFound();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Refund request {RefundRequestId}: looking order {Order} up failed ({Error}); trying again later",
                refund.RequestId, refund.Order, exception.Message);
            return new LookupResult.Failed();
        }
    }

    async Task RecordSubmittedAsync(RefundRecord refund, string attemptId, long refundId, bool adopted, CancellationToken cancellationToken)
    {
        if (!await completion.CompleteAsync(
                transaction => store.CompleteSubmittedAsync(transaction, refund.RequestId, attemptId, refundId),
                RefundEvents.Submitted(refund, refundId, clock.GetUtcNow()), cancellationToken))
        {
            logger.LogWarning("Refund request {RefundRequestId}: the attempt was taken over before refund {RefundId} was recorded", refund.RequestId, refundId);
            return;
        }

        metrics.RefundSubmitted();
        logger.LogInformation("Refund request {RefundRequestId} (order {Order}, amount {Amount}) submitted as Payguru refund {RefundId}{How}",
            refund.RequestId, refund.Order, refund.Amount, refundId, adopted ? ", found by order after an unknown outcome" : "");
    }

    async Task RecordRejectedAsync(RefundRecord refund, string attemptId, RefundCreateOutcome.Refused refused, CancellationToken cancellationToken)
    {
        var text = RefundRequestRules.ProviderRefusal(refused.Code, refused.Message).Message;
        if (await completion.CompleteAsync(
                transaction => store.CompleteRejectedAsync(transaction, refund.RequestId, attemptId, RefundRejectionReasons.ProviderError, text, refused.Code),
                RefundEvents.Rejected(refund.RequestId, refund.Order, refund.AmountValue, RefundRejectionReasons.ProviderError, text, refused.Code, clock.GetUtcNow()),
                cancellationToken))
        {
            metrics.RefundRejected(RefundRejectionReasons.ProviderError);
        }
    }

    abstract record LookupResult
    {
        public sealed record Found(long RefundId) : LookupResult;

        public sealed record NotFound : LookupResult;

        public sealed record Failed : LookupResult;
    }
}
