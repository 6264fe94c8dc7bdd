using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// Wraps every consumer (scoped per message): begins the transaction, records the message id
/// in the inbox (a message seen before changes nothing), runs the consumer, stores what it
/// published in the outbox, commits, and then sends those messages. Invariants 3 and 4.
/// </summary>
public sealed class TransactionalConsumeFilter<T>(
    UnitOfWork unitOfWork,
    InboxStore inbox,
    TransactionalOutbox outbox,
    OutboxStore outboxStore,
    OutboxSender outboxSender,
    ProcessorInstance instance,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<TransactionalConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a message id, so it cannot be de-duplicated.");
        var endpoint = EndpointName(context.ReceiveContext.InputAddress);
        var cancellationToken = context.CancellationToken;

        outbox.TakePending(); // a retry starts with nothing pending from the failed attempt
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            if (!await inbox.TryRecordAsync(unitOfWork.Transaction, endpoint, messageId, typeof(T).Name))
            {
                logger.LogInformation("{MessageType} {MessageId} was handled before on {Endpoint}; ignored", typeof(T).Name, messageId, endpoint);
                // Acknowledge it as consumed, or MassTransit would move it to the _skipped queue.
                await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
                return;
            }

            await next.Send(context);

            var records = await outboxStore.AddAsync(
                unitOfWork.Transaction, outbox.TakePending(), instance.Id, outboxOptions.Value.ClaimTimeout);
            await unitOfWork.CommitAsync(cancellationToken);

            // Committed: from here a failure only delays the messages, the relay sends them.
            if (records.Count > 0)
            {
                if (await outboxStore.HasOlderAwaitingRelayAsync(records[0].Sequence, cancellationToken))
                {
                    // Sending now would overtake an older message: queue behind it instead.
                    await outboxStore.ReleaseAsync(records.Select(r => r.Sequence).ToList(), instance.Id, TimeSpan.Zero, "queued behind older messages", CancellationToken.None);
                }
                else
                {
                    await outboxSender.SendAsync(records, instance.Id, TimeSpan.Zero, cancellationToken);
                }
            }
        }
        finally
        {
            await unitOfWork.DisposeAsync();
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactionalInboxOutbox");

    static string EndpointName(Uri inputAddress) =>
        inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? inputAddress.ToString();
}
