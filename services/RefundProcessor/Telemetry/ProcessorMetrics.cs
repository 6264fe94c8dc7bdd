using System.Diagnostics.Metrics;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;
using Payguru.Telemetry;

namespace Payguru.RefundProcessor.Telemetry;

/// <summary>
/// The processor's own instruments: refund outcomes, counted once each after their state change committed;
/// getToken calls; SQLite write transactions; and the outbox backlog, counted only when a collector asks.
/// </summary>
public sealed class ProcessorMetrics : IServiceMetrics
{
    public const string Refunds = "payguru.refunds";
    public const string TokenRefreshes = "payguru.token.refreshes";
    public const string OutboxBacklog = "payguru.outbox.backlog";
    public const string WriteTransactions = "payguru.database.write_transactions";

    // A collection must not hang on a locked or unreachable database.
    static readonly TimeSpan BacklogQueryTimeout = TimeSpan.FromSeconds(5);

    readonly Counter<long> _refunds;
    readonly Counter<long> _tokenRefreshes;
    readonly OutboxStore _outbox;
    readonly ILogger<ProcessorMetrics> _logger;

    public ProcessorMetrics(IMeterFactory meters, OutboxStore outbox, WriteTransactionCounter writeTransactions, ILogger<ProcessorMetrics> logger)
    {
        _outbox = outbox;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _refunds = meter.CreateCounter<long>(Refunds, "{refund}",
            "Refund outcomes recorded: submitted (Payguru created it), rejected (with its reason), settled (a new Payguru status, with it)");
        _tokenRefreshes = meter.CreateCounter<long>(TokenRefreshes, "{refresh}",
            "getToken calls made for the shared Payguru token, by outcome: issued or failed");
        meter.CreateObservableGauge(OutboxBacklog, ReadBacklog, "{message}", "Outbox messages not sent yet");
        meter.CreateObservableCounter(WriteTransactions, () => writeTransactions.Count, "{transaction}",
            "SQLite transactions that committed a change (none counted on SQL Server); bench/refunds.sh divides it by the refunds");
    }

    public static string MeterName => "Payguru.RefundProcessor";

    public static string ServiceName => "payguru-refund-processor";

    public void RefundSubmitted() => _refunds.Add(1, new KeyValuePair<string, object?>("outcome", "submitted"));

    /// <param name="reason">One of <c>RefundRejectionReasons</c>: a short code, never the message.</param>
    public void RefundRejected(string reason) =>
        _refunds.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"), new KeyValuePair<string, object?>("reason", reason));

    public void RefundSettled(int status) =>
        _refunds.Add(1, new KeyValuePair<string, object?>("outcome", "settled"), new KeyValuePair<string, object?>("status", status));

    public void TokenRefreshed(bool issued) =>
        _tokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", issued ? "issued" : "failed"));

    // Collections run on the exporter's own thread, where waiting on the query blocks nothing else.
    IEnumerable<Measurement<long>> ReadBacklog()
    {
        try
        {
            using var timeout = new CancellationTokenSource(BacklogQueryTimeout);
            return [new Measurement<long>(_outbox.CountUnsentAsync(timeout.Token).GetAwaiter().GetResult())];
        }
        catch (Exception exception)
        {
            // No value rather than a wrong one.
            _logger.LogWarning("Could not count the outbox backlog for metrics: {Error}", exception.Message);
            return [];
        }
    }
}
