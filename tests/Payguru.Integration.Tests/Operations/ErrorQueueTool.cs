using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Operations;

/// <summary>tools/Payguru.ErrorQueues run as an operator runs it, against a test virtual host.</summary>
public sealed class ErrorQueueTool(RabbitMqVirtualHost vhost, TempDirectory directory, ITestOutputHelper output)
{
    static readonly string Dll = RepoPaths.ToolDll("Payguru.ErrorQueues", "Payguru.ErrorQueues");

    /// <summary>Runs <c>Payguru.ErrorQueues args...</c> to its end; its exit code and its output (stdout and stderr).</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await using var process = ServiceProcess.StartDll(Dll, vhost.ServiceEnvironment(), directory.Path, output, args, "ErrorQueues");
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.OutputText);
    }
}
