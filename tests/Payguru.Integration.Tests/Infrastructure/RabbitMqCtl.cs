using System.ComponentModel;
using System.Diagnostics;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>Runs rabbitmqctl against the test run's node (<see cref="RabbitMqNode"/>: on PATH, or inside its container) and returns its standard output.</summary>
public static class RabbitMqCtl
{
    // Every call boots an Erlang VM (~0.5 s of CPU); a few at a time keeps parallel tests from starving the machine.
    private static readonly SemaphoreSlim Throttle = new(2);

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>rabbitmqctl args...</c>; throws with its error text when it exits non-zero.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var (exitCode, stdout, stderr) = await TryRunAsync(arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', arguments)} exited with {exitCode}: {stderr.Trim()} {stdout.Trim()}".TrimEnd());
        }

        return stdout;
    }

    /// <summary>Runs <c>rabbitmqctl args...</c> and returns exit code and both outputs, whatever the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> TryRunAsync(
        IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        await Throttle.WaitAsync(cancellationToken);
        try
        {
            if (await RabbitMqNode.Current.TryExecRabbitMqCtlAsync(arguments, cancellationToken) is { } inContainer)
            {
                return inContainer;
            }

            var startInfo = new ProcessStartInfo("rabbitmqctl")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = new Process { StartInfo = startInfo };
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    "rabbitmqctl is not on PATH. Run ./test.sh, which installs and starts RabbitMQ.", e);
            }

            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return (process.ExitCode, await stdout, await stderr);
            }
            catch (OperationCanceledException)
            {
                TryKill(process);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new TimeoutException($"rabbitmqctl {string.Join(' ', arguments)} did not finish within {CallTimeout}.");
            }
        }
        finally
        {
            Throttle.Release();
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
