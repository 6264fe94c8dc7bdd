using System.Diagnostics;

namespace Payguru.Bench;

/// <summary>
/// The refund processor as a real process, started once the measured load is over so that it
/// does not share the cores with the load (the notifications wait in their durable queue, as on
/// a fresh broker). Its output goes to processor.log and its pid to processor.pid in the work
/// directory, so that notifications.sh can stop it whatever happens here.
/// </summary>
public sealed class ProcessorProcess : IDisposable
{
    readonly Process _process;

    ProcessorProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public static ProcessorProcess Start(string dll, string databasePath, string workDirectory)
    {
        var log = Path.Combine(workDirectory, "processor.log");
        // exec: the pid is the processor's own, not a shell's. Its health endpoints on any free port: not 5081,
        // which a ./run.sh may hold.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec dotnet \"$0\" --urls http://127.0.0.1:0 >>\"$1\" 2>&1", dll, log])
        {
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Payguru"] = $"Data Source={databasePath}";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        File.WriteAllText(Path.Combine(workDirectory, "processor.pid"), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ProcessorProcess(process);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
