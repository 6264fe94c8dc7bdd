using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// Commits several pieces of database work in one write transaction (docs/architecture.md, storage): the
/// handlings of group-committed endpoints' messages (<see cref="Consuming.TransactionalConsumeFilter{T}"/>) and
/// attempts' outcomes (<see cref="Attempts.AttemptCompletion"/>). They run one after the other on one connection,
/// each inside a savepoint: one that throws is rolled back alone and gets its exception. <see cref="RunAsync"/>
/// returns only after the commit, so a message is acknowledged only once durable. When the
/// group's transaction itself fails (the commit, or a savepoint SQL Server cannot roll back to once an error doomed
/// the transaction), each handling runs again alone in its own transaction.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    readonly IDbConnectionFactory _connections;
    readonly int _maxMessages;
    readonly ILogger<GroupCommit> _logger;
    readonly Channel<Handling> _queue = Channel.CreateUnbounded<Handling>();
    readonly Task _committing;

    public GroupCommit(IDbConnectionFactory connections, IOptions<GroupCommitOptions> options, ILogger<GroupCommit> logger)
    {
        _connections = connections;
        _maxMessages = options.Value.MaxMessages;
        _logger = logger;
        _committing = Task.Run(CommitQueuedAsync);
    }

    public int Waiting => _queue.Reader.Count;

    /// <summary>Returns once the shared transaction committed; <paramref name="handle"/> may run twice (see the class): it must start from a clean state.</summary>
    public async Task RunAsync(Func<DbConnection, DbTransaction, Task> handle, CancellationToken cancellationToken)
    {
        var handling = new Handling(handle, Activity.Current, cancellationToken);
        if (!_queue.Writer.TryWrite(handling))
        {
            throw new OperationCanceledException("The processor is stopping.");
        }

        await handling.Done.Task;
    }

    async Task CommitQueuedAsync()
    {
        var group = new List<Handling>(_maxMessages);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < _maxMessages && _queue.Reader.TryRead(out var handling))
            {
                if (handling.CancellationToken.IsCancellationRequested)
                {
                    handling.Done.TrySetCanceled(handling.CancellationToken);
                }
                else
                {
                    group.Add(handling);
                }
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group);
            }
        }
    }

    async Task CommitGroupAsync(List<Handling> group)
    {
        var committed = new List<Handling>(group.Count);
        try
        {
            await using var connection = await _connections.OpenAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var handling in group)
            {
                await transaction.SaveAsync("handling");
                try
                {
                    await handling.RunAsync(connection, transaction);
                    await transaction.ReleaseAsync("handling");
                    committed.Add(handling);
                }
                catch (Exception exception)
                {
                    // Throws when the transaction cannot go back to the savepoint: then the whole group is redone alone.
                    await transaction.RollbackAsync("handling");
                    handling.Done.TrySetException(exception);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            _logger.LogWarning("A group of {Count} handlings could not commit together ({Error}); each runs alone", group.Count, exception.Message);
            foreach (var handling in group.Where(h => !h.Done.Task.IsCompleted))
            {
                await RunAloneAsync(handling);
            }

            return;
        }

        foreach (var handling in committed)
        {
            handling.Done.TrySetResult();
        }
    }

    async Task RunAloneAsync(Handling handling)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(handling.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(handling.CancellationToken);
            await handling.RunAsync(connection, transaction);
            await transaction.CommitAsync(handling.CancellationToken);
            handling.Done.TrySetResult();
        }
        catch (Exception exception)
        {
            handling.Done.TrySetException(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _committing;
    }

    sealed class Handling(Func<DbConnection, DbTransaction, Task> handle, Activity? activity, CancellationToken cancellationToken)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken CancellationToken => cancellationToken;

        /// <summary>Runs the handling in the trace of the message it handles, so what it writes keeps that trace.</summary>
        public async Task RunAsync(DbConnection connection, DbTransaction transaction)
        {
            var outer = Activity.Current;
            Activity.Current = activity;
            try
            {
                await handle(connection, transaction);
            }
            finally
            {
                Activity.Current = outer;
            }
        }
    }
}
