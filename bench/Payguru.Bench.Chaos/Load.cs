using System.Globalization;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Refunds;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The mixed load: payments through the sandbox's test transaction, each followed by three refund requests of 40 of
/// its 100 (one over-refunds), over the bus and over HTTP, some resent with the same id; payment notifications signed
/// and sent directly, some repeated; identity checks; end-of-day refund results. New work starts until
/// <c>loadEnd</c>; work already started finishes (a notification is retried until OK) unless <c>abort</c>.
/// </summary>
public sealed class Load(ChaosSandbox sandbox, ChaosGateway gateway, ChaosBus bus, ProcessorDatabase database, RecordedEvents events, Ledger ledger)
{
    const string PaymentAmount = "100.00";
    const decimal RefundAmount = 40.00m;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    long _signedTxid = 5_000_000;
    long _probeTxid = 6_000_000;
    int _probes;

    public IEnumerable<Task> Start(CancellationToken loadEnd, CancellationToken abort) =>
    [
        Task.Run(() => PaymentsWithRefundsAsync("A", loadEnd, abort)),
        Task.Run(() => PaymentsWithRefundsAsync("B", loadEnd, abort)),
        Task.Run(() => SignedNotificationsAsync(loadEnd, abort)),
        Task.Run(() => IdentityChecksAsync(loadEnd, abort)),
        Task.Run(() => EndOfDayAsync(loadEnd, abort)),
    ];

    /// <summary>
    /// One end-to-end pass through every part: a payment Payguru knows, notified through the gateway until OK,
    /// recorded by a processor, then a refund over HTTP until its outcome arrives. Answers how long it took, or null
    /// if it did not get through within 3 minutes.
    /// </summary>
    public async Task<TimeSpan?> ProbeAsync(CancellationToken abort)
    {
        var started = DateTime.UtcNow;
        var n = Interlocked.Increment(ref _probes);
        Interlocked.Increment(ref ledger.Probes);
        var order = "PROBE-" + n.ToString(CultureInfo.InvariantCulture);
        await sandbox.SeedPaymentAsync(order, "10.00", abort);
        ledger.PaidOrders[order] = 10.00m;
        var txid = Interlocked.Increment(ref _probeTxid);
        var signed = ledger.SignedPayments[txid] = new SignedPayment(txid, order);
        signed.AnsweredOk = await gateway.NotifyUntilOkAsync(txid, order, "10.00", abort);
        if (!signed.AnsweredOk || !await PaymentRecordedAsync(order, abort))
        {
            return null;
        }

        var requestId = Guid.NewGuid();
        ledger.RefundRequests[requestId] = new RefundRequestSent(requestId, order, 1.00m, "http");
        if (!await gateway.RequestRefundUntilQueuedAsync(requestId, order, 1.00m, abort))
        {
            return null;
        }

        var left = Patience - (DateTime.UtcNow - started);
        return left > TimeSpan.Zero && await events.WaitForAsync(EventKinds.RefundOutcome, requestId.ToString(), left, abort)
            ? DateTime.UtcNow - started
            : null;
    }

    async Task PaymentsWithRefundsAsync(string worker, CancellationToken loadEnd, CancellationToken abort)
    {
        for (var n = 1; !loadEnd.IsCancellationRequested; n++)
        {
            var order = $"ORDER-{worker}{n.ToString(CultureInfo.InvariantCulture)}";
            await PayThroughSandboxAsync(order, PaymentAmount, tckno: null, abort);
            if (!await PaymentRecordedAsync(order, abort))
            {
                continue;
            }

            var first = await RequestAsync(order, n % 2 == 0 ? "bus" : "http", abort);
            await RequestAsync(order, n % 2 == 0 ? "http" : "bus", abort);
            await RequestAsync(order, n % 3 == 0 ? "bus" : "http", abort);
            if (n % 3 == 1)
            {
                // The same request again, through the other way in: it must not make a second refund.
                Interlocked.Increment(ref ledger.RefundResends);
                await SendAsync(first, first.Channel == "bus" ? "http" : "bus", abort);
            }

            await Pause(300, loadEnd);
        }
    }

    async Task SignedNotificationsAsync(CancellationToken loadEnd, CancellationToken abort)
    {
        for (var n = 1; !loadEnd.IsCancellationRequested; n++)
        {
            var txid = Interlocked.Increment(ref _signedTxid);
            var order = "SIGNED-" + n.ToString(CultureInfo.InvariantCulture);
            var payment = ledger.SignedPayments[txid] = new SignedPayment(txid, order);
            payment.AnsweredOk = await gateway.NotifyUntilOkAsync(txid, order, "25.00", abort);
            if (payment.AnsweredOk && n % 4 == 0)
            {
                // Payguru repeats notifications it already had OK for.
                Interlocked.Increment(ref ledger.NotificationRepeats);
                await gateway.NotifyUntilOkAsync(txid, order, "25.00", abort);
            }

            await Pause(150, loadEnd);
        }
    }

    async Task IdentityChecksAsync(CancellationToken loadEnd, CancellationToken abort)
    {
        for (var n = 1; !loadEnd.IsCancellationRequested; n++)
        {
            var order = "IDENTITY-" + n.ToString(CultureInfo.InvariantCulture);
            var check = ledger.IdentityChecks[order] = new IdentityCheck(order);
            await PayThroughSandboxAsync(order, "50.00", DemoCredentials.Tckn, abort);
            await bus.PublishUntilConfirmedAsync(new RegisterOrderIdentity(order, DemoCredentials.Tckn), abort);
            check.RegistrationSent = true;
            if (await events.WaitForAsync(EventKinds.IdentityRegistration, order, Patience, abort))
            {
                var answer = await sandbox.IdentityCheckAsync(order, abort);
                check.Outcome = answer.GetProperty("outcome").GetString();
                check.Notified = answer.GetProperty("notified").GetBoolean();
            }

            await Pause(2000, loadEnd);
        }
    }

    async Task EndOfDayAsync(CancellationToken loadEnd, CancellationToken abort)
    {
        while (!loadEnd.IsCancellationRequested)
        {
            await Pause(10_000, loadEnd);
            await sandbox.EndOfDayAsync(abort);
            Interlocked.Increment(ref ledger.EndOfDayRuns);
        }
    }

    async Task PayThroughSandboxAsync(string order, string amount, string? tckno, CancellationToken abort)
    {
        ledger.PaidOrders[order] = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var (status, answer) = await sandbox.TestTransactionAsync(order, amount, tckno, abort);
        ledger.SandboxPayments[order] = new SandboxPayment(order, amount, (int)status, answer.Length > 60 ? answer[..60] : answer);
    }

    async Task<RefundRequestSent> RequestAsync(string order, string channel, CancellationToken abort)
    {
        var request = new RefundRequestSent(Guid.NewGuid(), order, RefundAmount, channel);
        ledger.RefundRequests[request.RequestId] = request;
        await SendAsync(request, channel, abort);
        return request;
    }

    async Task SendAsync(RefundRequestSent request, string channel, CancellationToken abort)
    {
        if (channel == "http")
        {
            await gateway.RequestRefundUntilQueuedAsync(request.RequestId, request.Order, request.Amount, abort);
            return;
        }

        await bus.PublishUntilConfirmedAsync(
            new RequestRefund(request.RequestId, request.Order, PayguruCode: null, DemoCredentials.ServiceCode, request.Amount,
                DemoCredentials.ContactName, DemoCredentials.Iban, Reason: "chaos"),
            abort);
    }

    /// <summary>
    /// Until a processor recorded the order's payment: refunds are asked for only then, so that the over-refund
    /// check (invariant 6, "when the payment is known") applies to every one of them.
    /// </summary>
    async Task<bool> PaymentRecordedAsync(string order, CancellationToken abort)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until && !abort.IsCancellationRequested)
        {
            try
            {
                if (await database.PaymentRowsAsync(order) > 0)
                {
                    return true;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The schema is not there yet, or a writer holds the file: look again.
            }

            await Pause(200, abort);
        }

        return false;
    }

    static async Task Pause(int milliseconds, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(milliseconds, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller's loop looks at the token.
        }
    }
}
