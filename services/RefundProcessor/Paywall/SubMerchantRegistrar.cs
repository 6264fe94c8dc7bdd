using Microsoft.Extensions.Options;
using Payguru.Contracts.Paywall;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Configuration;
using Payguru.Provider.Wire.Paywall;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// Makes the member call of an accepted registration under an attempt that owns it until it expires, so one at
/// a time per external id. Paywall's answer is recorded with its event through the outbox.
/// <para>
/// Paywall offers no member lookup, but it refuses a second member with the same external id (409).
/// So a call whose outcome is unknown (timeout, lost answer, a crash mid-call) is simply made again
/// after <see cref="SubMerchantOptions.RecheckAfter"/>: when the lost call had created the member,
/// Paywall answers 409 and the registration is recorded as registered without Paywall's member id
/// (<see cref="SubMerchantRegistered.PaywallMemberId"/> null). A 409 to a registration with no
/// unknown outcome behind it means someone else holds the id: <c>duplicate_member</c>.
/// </para>
/// </summary>
public sealed class SubMerchantRegistrar(
    SubMerchantStore store,
    IPaywallMemberApi api,
    AttemptCompletion completion,
    IOptions<SubMerchantOptions> subMerchantOptions,
    IOptions<PaywallOptions> paywallOptions,
    TimeProvider clock,
    ILogger<SubMerchantRegistrar> logger) : IAttemptRunner<string>
{
    AttemptTiming Timing => new(paywallOptions.Value.RequestTimeout, subMerchantOptions.Value.RecheckAfter);

    public async Task StartAsync(string memberExternalId, CancellationToken cancellationToken)
    {
        var attemptId = AttemptIds.New();
        if (await store.TryStartAttemptAsync(memberExternalId, attemptId, clock.GetUtcNow() + Timing.Lifetime, cancellationToken) is { } record)
        {
            await CallAsync(record, attemptId, cancellationToken);
        }
    }

    // A 409 to the call again tells that the attempt before made the member.
    public async Task ResumeAsync(string memberExternalId, CancellationToken cancellationToken)
    {
        var attemptId = AttemptIds.New();
        if (await store.TryTakeOverAttemptAsync(memberExternalId, attemptId, clock.GetUtcNow() + Timing.Lifetime, cancellationToken) is { } record)
        {
            logger.LogInformation("Sub-merchant {MemberExternalId}: an earlier attempt ended without an answer; calling Paywall again", memberExternalId);
            await CallAsync(record, attemptId, cancellationToken);
        }
    }

    async Task CallAsync(SubMerchantRecord record, string attemptId, CancellationToken cancellationToken)
    {
        var request = MemberRequests.Deserialize(record.Request ?? throw new InvalidOperationException($"{record} has no stored request."));
        var answer = await PaywallAnswers.CallAsync(token => api.CreateMemberAsync(request, token), Timing.CallDeadline, cancellationToken);
        switch (answer)
        {
            case PaywallAnswer<PaywallMemberAnswer>.Succeeded succeeded:
                await RecordRegisteredAsync(record, attemptId, succeeded.Body.Id, cancellationToken);
                break;

            case PaywallAnswer<PaywallMemberAnswer>.Refused { ErrorCode: SubMerchantRules.DuplicateMemberCode } when record.OutcomeUnknown:
                logger.LogWarning("Sub-merchant {MemberExternalId}: Paywall holds the member already after an attempt without an answer; " +
                    "recorded as registered by that attempt, without Paywall's member id", record.MemberExternalId);
                await RecordRegisteredAsync(record, attemptId, null, cancellationToken);
                break;

            case PaywallAnswer<PaywallMemberAnswer>.Refused { ErrorCode: SubMerchantRules.DuplicateMemberCode } duplicate:
                await RecordRejectedAsync(record, attemptId, duplicate, cancellationToken);
                break;

            case PaywallAnswer<PaywallMemberAnswer>.Refused refused:
                logger.LogWarning("Sub-merchant {MemberExternalId}: Paywall refused the member with {PaywallErrorCode} {PaywallMessage}",
                    record.MemberExternalId, refused.ErrorCode, refused.Message);
                await RecordRejectedAsync(record, attemptId, refused, cancellationToken);
                break;

            case PaywallAnswer<PaywallMemberAnswer>.Unknown unknown:
                logger.LogWarning("Sub-merchant {MemberExternalId}: the outcome of the member call is unknown ({Why}); calling again in {RecheckAfter}",
                    record.MemberExternalId, unknown.Why, subMerchantOptions.Value.RecheckAfter);
                await store.PostponeAttemptAsync(record.MemberExternalId, attemptId, clock.GetUtcNow() + subMerchantOptions.Value.RecheckAfter, cancellationToken);
                break;
        }
    }

    async Task RecordRegisteredAsync(SubMerchantRecord record, string attemptId, long? memberId, CancellationToken cancellationToken)
    {
        if (!await completion.CompleteAsync(
                transaction => store.CompleteRegisteredAsync(transaction, record.MemberExternalId, attemptId, memberId),
                SubMerchantEvents.Registered(record.MemberExternalId, memberId, record.MemberName, clock.GetUtcNow()), cancellationToken))
        {
            logger.LogWarning("Sub-merchant {MemberExternalId}: the attempt was taken over before its answer was recorded", record.MemberExternalId);
            return;
        }

        logger.LogInformation("Sub-merchant {MemberExternalId} registered at Paywall as member {PaywallMemberId}", record.MemberExternalId, memberId?.ToString() ?? "(id unknown)");
    }

    async Task RecordRejectedAsync(SubMerchantRecord record, string attemptId, PaywallAnswer<PaywallMemberAnswer>.Refused refused, CancellationToken cancellationToken)
    {
        var (reason, _, text) = SubMerchantRules.PaywallRefusal(refused.ErrorCode, refused.Message);
        if (await completion.CompleteAsync(
                transaction => store.CompleteRejectedAsync(transaction, record.MemberExternalId, attemptId, reason, text, refused.ErrorCode),
                SubMerchantEvents.Rejected(record.MemberExternalId, record.Registration, reason, text, refused.ErrorCode, clock.GetUtcNow()), cancellationToken))
        {
            logger.LogInformation("Sub-merchant {MemberExternalId} rejected ({Reason}): {Message}", record.MemberExternalId, reason, text);
        }
    }
}
