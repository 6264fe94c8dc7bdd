using System.Globalization;
using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;

namespace Payguru.Bench.Chaos;

/// <summary>The recording subscriber's one consumer: every event the services publish, kept by message id.</summary>
public sealed class RecordingConsumer(RecordedEvents events) :
    IConsumer<PaymentAccepted>,
    IConsumer<RefundSubmitted>,
    IConsumer<RefundRejected>,
    IConsumer<RefundSettled>,
    IConsumer<OrderIdentityRegistered>,
    IConsumer<OrderIdentityRejected>,
    IConsumer<IdentityVerified>,
    IConsumer<IdentityVerificationFailed>
{
    public Task Consume(ConsumeContext<PaymentAccepted> context) =>
        // By order: every order of the load is paid once, so an order is one fact (one txid and status).
        Record(context, EventKinds.PaymentAccepted, context.Message.Order);

    public async Task Consume(ConsumeContext<RefundSubmitted> context)
    {
        await Record(context, EventKinds.RefundOutcome, context.Message.RefundRequestId.ToString());
        await Record(context, EventKinds.RefundSubmitted, context.Message.RefundRequestId.ToString());
    }

    public Task Consume(ConsumeContext<RefundRejected> context) =>
        Record(context, EventKinds.RefundOutcome, context.Message.RefundRequestId.ToString());

    public Task Consume(ConsumeContext<RefundSettled> context) =>
        Record(context, EventKinds.RefundSettled, SettledFact(context.Message.RefundId, context.Message.Status));

    public Task Consume(ConsumeContext<OrderIdentityRegistered> context) =>
        Record(context, EventKinds.IdentityRegistration, context.Message.Order);

    public Task Consume(ConsumeContext<OrderIdentityRejected> context) =>
        Record(context, EventKinds.IdentityRegistration, context.Message.Order);

    public Task Consume(ConsumeContext<IdentityVerified> context) =>
        Record(context, EventKinds.IdentityResult, context.Message.Order);

    public Task Consume(ConsumeContext<IdentityVerificationFailed> context) =>
        Record(context, EventKinds.IdentityResult, context.Message.Order);

    public static string SettledFact(long refundId, int status) =>
        string.Create(CultureInfo.InvariantCulture, $"{refundId}/{status}");

    Task Record(ConsumeContext context, string kind, string fact)
    {
        // Every publisher of ours sets a message id; one without it would be a finding of its own.
        events.Record(kind, fact, context.MessageId ?? Guid.Empty);
        return Task.CompletedTask;
    }
}
