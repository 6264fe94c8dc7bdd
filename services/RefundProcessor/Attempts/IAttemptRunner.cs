namespace Payguru.RefundProcessor.Attempts;

/// <summary>What makes the provider call of a row: starts the attempt of an accepted row, or takes over an expired one.</summary>
public interface IAttemptRunner<in TKey>
{
    Task StartAsync(TKey key, CancellationToken cancellationToken);

    Task ResumeAsync(TKey key, CancellationToken cancellationToken);
}
