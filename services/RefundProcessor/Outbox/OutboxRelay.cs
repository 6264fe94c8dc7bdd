using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Hosting;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Sends, with their original ids and trace context, the outbox messages whose writer crashed before sending (due
/// <see cref="OutboxOptions.ClaimTimeout"/> after they were written) or could not reach the broker (due at once).
/// One instance at a time holds the relay lease, so no two instances relay the same message.
/// </summary>
public sealed class OutboxRelay(
    OutboxStore store,
    OutboxSender sender,
    ProcessorInstance instance,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger,
    OutboxSentMarks? marks = null) : PeriodicService(() => options.Value.RelayInterval, clock, logger)
{
    bool _fullBatch;

    protected override bool MoreWaiting => _fullBatch;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => _fullBatch = await RelayOnceAsync(options.Value, cancellationToken);

    /// <returns>True when a full batch went out and more may be waiting.</returns>
    public async Task<bool> RelayOnceAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (!await store.TryAcquireRelayLeaseAsync(instance.Id, settings.ClaimTimeout, cancellationToken))
        {
            return false;
        }

        var due = await store.DueAsync(settings.BatchSize, cancellationToken);
        // A message this instance's writer sent and has not marked yet is not sent again.
        var batch = marks is null ? due : due.Where(record => !marks.IsSentUnmarked(record.Sequence)).ToList();
        if (batch.Count == 0)
        {
            return false;
        }

        var sent = await sender.SendAsync(batch, settings.RelayInterval, cancellationToken,
            token => store.TryAcquireRelayLeaseAsync(instance.Id, settings.ClaimTimeout, token));
        logger.LogInformation("Outbox relay sent {Sent} of {Due} message(s)", sent, batch.Count);
        return sent == batch.Count && due.Count == settings.BatchSize;
    }
}
