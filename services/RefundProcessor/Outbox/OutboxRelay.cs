using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Sends what the outbox still holds: messages whose writer crashed before sending, or could
/// not reach the broker. One instance at a time holds the relay lease, so relayed messages go
/// out in sequence order and are not sent by two instances at once.
/// </summary>
public sealed class OutboxRelay(
    OutboxStore store,
    OutboxSender sender,
    ProcessorInstance instance,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    /// <summary>Marks the relay's claims apart from a writer's, so writers know a backlog is being relayed.</summary>
    public const string OwnerSuffix = "/relay";

    string Owner => instance.Id + OwnerSuffix;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RelayOnceAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox relay cycle failed; retrying in {Interval}", settings.RelayInterval);
            }

            if (!more)
            {
                try
                {
                    await Task.Delay(settings.RelayInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>True when a full batch went out and more may be waiting.</returns>
    public async Task<bool> RelayOnceAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (!await store.TryAcquireRelayLeaseAsync(Owner, settings.ClaimTimeout, cancellationToken))
        {
            return false;
        }

        var batch = await store.ClaimBatchAsync(Owner, settings.BatchSize, settings.ClaimTimeout, cancellationToken);
        if (batch.Count == 0)
        {
            return false;
        }

        var sent = await sender.SendAsync(batch, Owner, settings.RelayInterval, cancellationToken);
        logger.LogInformation("Outbox relay sent {Sent} of {Claimed} message(s)", sent, batch.Count);
        return sent == batch.Count && batch.Count == settings.BatchSize;
    }
}
