namespace Payguru.RefundProcessor.Attempts;

/// <summary>What makes the provider call of a row: starts the attempt of an accepted row, or takes over an expired one.</summary>
public interface IAttemptRunner
{
    Task StartAsync(string key, CancellationToken cancellationToken);

    Task ResumeAsync(string key, CancellationToken cancellationToken);
}
