using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Paywall;
using Payguru.Provider.Configuration;
using Payguru.RefundProcessor.Consuming;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Paywall;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// Decides a sub-merchant registration: a registered or under-way external id gets its outcome again and no second
/// member; an invalid command, or one while Paywall is not configured, is rejected with a reason (and may be
/// registered again); a valid one is accepted, and its member call runs after the commit (<see cref="SubMerchantRegistrar"/>).
/// </summary>
public sealed class RegisterSubMerchantConsumer(
    UnitOfWork unitOfWork,
    SubMerchantStore store,
    PendingMessages outbox,
    AfterCommitActions afterCommit,
    SubMerchantRegistrar registrar,
    IOptions<PaywallOptions> paywall,
    TimeProvider clock,
    ILogger<RegisterSubMerchantConsumer> logger) : IConsumer<RegisterSubMerchant>
{
    public async Task Consume(ConsumeContext<RegisterSubMerchant> context)
    {
        var command = context.Message;
        var problem = SubMerchantRules.Check(command);
        if (problem?.Reason == SubMerchantRejectionReasons.InvalidExternalId)
        {
            // Without a usable key there is nothing to record it under; the message id is this command's own.
            var now = clock.GetUtcNow();
            outbox.Publish(new SubMerchantRejected(command.MemberExternalId ?? "", problem.Reason, problem.Message, null, now));
            logger.LogInformation("Sub-merchant registration rejected ({Reason}): {Message}", problem.Reason, problem.Message);
            return;
        }

        var known = await store.FindAsync(unitOfWork.Connection, unitOfWork.Transaction, command.MemberExternalId);
        if (known is not null && known.State != SubMerchantRecordStates.Rejected)
        {
            AnswerAgain(known);
            return;
        }

        var registration = (known?.Registration ?? 0) + 1;
        if (problem is not null)
        {
            await RejectAsync(command, registration, problem.Reason, problem.Message);
            return;
        }

        if (!paywall.Value.IsConfigured)
        {
            await RejectAsync(command, registration, SubMerchantRejectionReasons.PaywallNotConfigured,
                "Paywall is not configured on the processor (Paywall:BaseUrl, Paywall:MemberBaseUrl, Paywall:ApiKeyPublic, Paywall:ApiClientPublic)");
            return;
        }

        var at = clock.GetUtcNow();
        await SaveAsync(new SubMerchantRecord
        {
            MemberExternalId = command.MemberExternalId,
            Registration = registration,
            State = SubMerchantRecordStates.Accepted,
            MemberName = command.MemberName.Trim(),
            Request = MemberRequests.Serialize(MemberRequests.From(command)),
            RequestedAt = at,
            UpdatedAt = at,
        });
        afterCommit.Add(cancellationToken => registrar.StartAsync(command.MemberExternalId, cancellationToken));
        logger.LogInformation("Sub-merchant {MemberExternalId} accepted for registration {Registration} with {BankAccounts} bank account(s)",
            command.MemberExternalId, registration, command.BankAccounts.Count);
    }

    void AnswerAgain(SubMerchantRecord known)
    {
        if (SubMerchantEvents.Of(known) is { } outcome)
        {
            outbox.Publish(outcome.Message, outcome.MessageId);
            logger.LogInformation("Sub-merchant {MemberExternalId} asked again: answered {State} again", known.MemberExternalId, known.State);
        }
        else
        {
            logger.LogInformation("Sub-merchant {MemberExternalId} asked again: still {State}, its outcome follows", known.MemberExternalId, known.State);
        }
    }

    async Task RejectAsync(RegisterSubMerchant command, int registration, string reason, string message)
    {
        var at = clock.GetUtcNow();
        // Kept so that the rejection is answered once per registration; without the personal data.
        await SaveAsync(new SubMerchantRecord
        {
            MemberExternalId = command.MemberExternalId,
            Registration = registration,
            State = SubMerchantRecordStates.Rejected,
            MemberName = command.MemberName?.Trim() ?? "",
            RejectionReason = reason,
            RejectionMessage = message,
            RequestedAt = at,
            UpdatedAt = at,
        });
        var (rejected, messageId) = SubMerchantEvents.Rejected(command.MemberExternalId, registration, reason, message, null, at);
        outbox.Publish(rejected, messageId);
        logger.LogInformation("Sub-merchant {MemberExternalId} rejected ({Reason}): {Message}", command.MemberExternalId, reason, message);
    }

    async Task SaveAsync(SubMerchantRecord record)
    {
        if (!await store.SaveRegistrationAsync(unitOfWork.Transaction, record))
        {
            // Another handling registered the id meanwhile: this attempt rolls back and its retry answers that registration.
            throw new InvalidOperationException($"Sub-merchant {record.MemberExternalId} changed while being registered; trying again.");
        }
    }
}
