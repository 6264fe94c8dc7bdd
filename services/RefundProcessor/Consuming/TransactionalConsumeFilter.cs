using System.Data.Common;
using MassTransit;
using Payguru.Messaging.Topology;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// Wraps every consumer of a transactional endpoint (<see cref="ProcessorTopology"/>): begins the transaction,
/// records the message id in the inbox (a message seen before changes nothing), runs the consumer, stores what it
/// published in the outbox (its <c>context.Publish</c> too, <see cref="OutboxConsumeContext{T}"/>), commits, sends
/// those messages and runs its after-commit work. Invariants 3 and 4 (docs/architecture.md). On a group-committed
/// endpoint the handling shares a transaction with other messages' (<see cref="GroupCommit"/>).
/// </summary>
public sealed class TransactionalConsumeFilter<T>(
    IDbConnectionFactory connections,
    UnitOfWork unitOfWork,
    InboxStore inbox,
    PendingMessages pending,
    OutboxWriter outbox,
    AfterCommitActions afterCommit,
    GroupCommit groupCommit,
    ILogger<TransactionalConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a message id, so it cannot be de-duplicated.");
        var endpoint = EndpointName(context.ReceiveContext.InputAddress);
        var cancellationToken = context.CancellationToken;
        var firstTime = false;
        IReadOnlyList<OutboxRecord> records = [];

        // The handling inside its transaction. It may run again and starts clean each time: a retry, or
        // GroupCommit redoing a group alone when the group could not commit.
        async Task HandleAsync(DbConnection connection, DbTransaction transaction)
        {
            pending.TakePending();
            afterCommit.Take();
            records = [];
            unitOfWork.Join(connection, transaction);
            try
            {
                firstTime = await inbox.TryRecordAsync(transaction, endpoint, messageId, typeof(T).Name);
                if (firstTime)
                {
                    await next.Send(new OutboxConsumeContext<T>(context, pending));
                    records = await outbox.AddAsync(transaction, pending.TakePending());
                }
            }
            finally
            {
                unitOfWork.Leave();
            }
        }

        if (ProcessorTopology.IsGroupCommitted(endpoint))
        {
            await groupCommit.RunAsync(HandleAsync, cancellationToken);
        }
        else
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await HandleAsync(connection, transaction);
            if (firstTime)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (!firstTime)
        {
            logger.LogInformation("{MessageType} {MessageId} was handled before on {Endpoint}; ignored", typeof(T).Name, messageId, endpoint);
            // Acknowledge it as consumed, or MassTransit would move it to the _skipped queue.
            await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
            return;
        }

        await outbox.SendCommittedAsync(records, cancellationToken);
        await RunAfterCommitAsync(messageId, cancellationToken);
    }

    // Committed: what runs now may fail without undoing the handling; its own recovery covers it.
    async Task RunAfterCommitAsync(Guid messageId, CancellationToken cancellationToken)
    {
        foreach (var action in afterCommit.Take())
        {
            try
            {
                await action(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Work after {MessageType} {MessageId} committed failed; it is picked up again later", typeof(T).Name, messageId);
            }
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactionalInboxOutbox");

    static string EndpointName(Uri inputAddress) =>
        inputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? inputAddress.ToString();
}
