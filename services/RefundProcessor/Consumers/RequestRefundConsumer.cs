using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Validation;
using Payguru.Provider.Configuration;
using Payguru.RefundProcessor.Consuming;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// Decides a refund request inside the handling's transaction, one decision per order at a time: the same request
/// id again gets its outcome again; an invalid or over-refunding request is rejected with a reason; a valid one is
/// accepted with its attempt started, and its <c>refund/create</c> runs after the commit (<see cref="RefundSubmitter"/>).
/// </summary>
public sealed class RequestRefundConsumer(
    UnitOfWork unitOfWork,
    RefundStore refunds,
    PaymentStore payments,
    PendingMessages outbox,
    AfterCommitActions afterCommit,
    RefundSubmitter submitter,
    ProcessorMetrics metrics,
    IOptions<PayguruOptions> payguru,
    TimeProvider clock,
    ILogger<RequestRefundConsumer> logger) : IConsumer<RequestRefund>
{
    public async Task Consume(ConsumeContext<RequestRefund> context)
    {
        var request = context.Message;
        // Without its id a request can neither be answered nor told from its repeats: nothing is recorded.
        if (request.RefundRequestId == Guid.Empty)
        {
            throw new UnreadableMessageException("a RequestRefund without a refundRequestId cannot be answered");
        }

        var transaction = unitOfWork.Transaction;
        if (await refunds.FindAsync(unitOfWork.Connection, transaction, request.RefundRequestId) is { } known)
        {
            AnswerAgain(known);
            return;
        }

        if (RefundRequestRules.Check(request.Order, request.Amount, request.ContactName, request.Iban) is { } problem)
        {
            await RejectAsync(request, problem.Reason, problem.Message);
            return;
        }

        await refunds.LockOrderAsync(transaction, request.Order);
        var orderPayments = await payments.OfOrderAsync(transaction, request.Order);
        var service = RefundRequestRules.ChooseService(
            request.ServiceCode, orderPayments.FirstOrDefault()?.ServiceCode, payguru.Value.Services.Select(s => s.Code).ToList());
        if (service is null)
        {
            var unknown = RefundRequestRules.UnknownService(request.ServiceCode);
            await RejectAsync(request, unknown.Reason, unknown.Message);
            return;
        }

        if (orderPayments.Count > 0)
        {
            var paid = orderPayments.Sum(p => p.Amount);
            var committed = (await refunds.CommittedAmountsAsync(transaction, request.Order)).Sum(a => decimal.Parse(a, CultureInfo.InvariantCulture));
            if (RefundRequestRules.CheckOverRefund(request.Order, paid, committed, request.Amount) is { } overRefund)
            {
                await RejectAsync(request, overRefund.Reason, overRefund.Message);
                return;
            }
        }

        var now = clock.GetUtcNow();
        var accepted = new RefundRecord
        {
            RequestId = request.RefundRequestId,
            Order = request.Order,
            PayguruCode = request.PayguruCode ?? orderPayments.FirstOrDefault()?.PayguruCode,
            ServiceCode = service,
            Amount = RefundRequestRules.FormatAmount(request.Amount),
            ContactName = request.ContactName.Trim(),
            Iban = Iban.Normalize(request.Iban),
            Reason = request.Reason,
            State = RefundRecordStates.Accepted,
            RequestedAt = now,
            UpdatedAt = now,
        };
        await refunds.InsertAsync(transaction, accepted);
        afterCommit.Add(await submitter.StartWithDecisionAsync(transaction, accepted));
        logger.LogInformation("Refund request {RefundRequestId} accepted: order {Order}, {Amount} via {ServiceCode}, to IBAN {Iban}",
            request.RefundRequestId, request.Order, RefundRequestRules.FormatAmount(request.Amount), service, Iban.Mask(request.Iban));
    }

    void AnswerAgain(RefundRecord known)
    {
        if (RefundEvents.Of(known) is { } outcome)
        {
            outbox.Publish(outcome.Message, outcome.MessageId);
            logger.LogInformation("Refund request {RefundRequestId} asked again: answered {State} again", known.RequestId, known.State);
        }
        else
        {
            logger.LogInformation("Refund request {RefundRequestId} asked again: still {State}, its outcome follows", known.RequestId, known.State);
        }
    }

    async Task RejectAsync(RequestRefund request, string reason, string message)
    {
        var now = clock.GetUtcNow();
        // Kept so that the same request id gets the same answer; without the personal data it does not need.
        await refunds.InsertAsync(unitOfWork.Transaction, new RefundRecord
        {
            RequestId = request.RefundRequestId,
            // An order over the limit is cut to it, so that every dialect's column holds it.
            Order = request.Order is { Length: > RefundRequestRules.MaxOrderLength } order ? order[..RefundRequestRules.MaxOrderLength] : request.Order ?? "",
            PayguruCode = request.PayguruCode,
            ServiceCode = request.ServiceCode,
            Amount = request.Amount.ToString(CultureInfo.InvariantCulture),
            ContactName = "",
            Iban = Iban.Mask(request.Iban),
            Reason = request.Reason,
            State = RefundRecordStates.Rejected,
            RejectionReason = reason,
            RejectionMessage = message,
            RequestedAt = now,
            UpdatedAt = now,
        });
        var (rejected, messageId) = RefundEvents.Rejected(request.RefundRequestId, request.Order ?? "", request.Amount, reason, message, null, now);
        outbox.Publish(rejected, messageId);
        afterCommit.Add(_ =>
        {
            metrics.RefundRejected(reason);
            return Task.CompletedTask;
        });
        logger.LogInformation("Refund request {RefundRequestId} rejected ({Reason}): {Message}", request.RefundRequestId, reason, message);
    }
}
