using System.Data.Common;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Paywall;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Tokens;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// One dialect's database for one test: created fresh and migrated by <see cref="CreateAsync"/>,
/// dropped on dispose, with the dialect's connections and statements. The store suites are written
/// against this, once, and run for each dialect that implements it.
/// </summary>
public interface ITestDatabase : IAsyncDisposable
{
    IDbConnectionFactory Connections { get; }

    InboxQueries InboxQueries { get; }

    OutboxQueries OutboxQueries { get; }

    PaymentQueries PaymentQueries { get; }

    RefundQueries RefundQueries { get; }

    TokenQueries TokenQueries { get; }

    SubMerchantQueries SubMerchantQueries { get; }

    IdentityQueries IdentityQueries { get; }

    /// <summary>
    /// Whether <paramref name="work"/>, in a transaction of its own on a connection that does not wait for locks, is
    /// refused because another transaction holds a lock it needs: how a test knows a lock is held without waiting
    /// for time to pass. SQLite takes its one writer lock when the transaction begins; SQL Server when a statement
    /// of <paramref name="work"/> asks for it (a lock hint).
    /// </summary>
    Task<bool> IsLockedOutAsync(Func<DbTransaction, Task> work);

    /// <summary>
    /// Creates an empty database and applies every schema script of the dialect. When the dialect's server is
    /// not available here it skips the test (<c>Skip.If</c>, so the suites' tests are <c>[SkippableFact]</c>s)
    /// with the reason.
    /// </summary>
    Task CreateAsync(CancellationToken cancellationToken);
}
