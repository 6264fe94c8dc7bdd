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

    /// <summary>
    /// Why this dialect's suites cannot run on this machine (shown as the skip reason of each of
    /// their tests, see <see cref="StoreFactAttribute"/>), or null when they can.
    /// </summary>
    static abstract string? SkipReason { get; }

    SubMerchantQueries SubMerchantQueries { get; }

    IdentityQueries IdentityQueries { get; }

    /// <summary>Creates an empty database and applies every schema script of the dialect.</summary>
    Task CreateAsync(CancellationToken cancellationToken);
}
